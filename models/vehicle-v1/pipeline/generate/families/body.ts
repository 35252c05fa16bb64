/**
 * Phrasing families: control_window, control_all_windows, set_window_child_lock,
 * operate_sunroof, operate_sunshade.
 */
import { call, enumValues, range } from "../calls.js";
import { BIT_ADV, D, distance, type G, windowObject, windows } from "../lexicon.js";
import { ask, cmd, type FamilySet, stmt } from "./types.js";

const WIN = "control_window";
const ALL = "control_all_windows";
const LOCK = "set_window_child_lock";
const ROOF = "operate_sunroof";
const SHADE = "operate_sunshade";

type UpDown = "up" | "down";

/** Which window: the unnamed/own window (driver) most often. */
function pickWindow(g: G): string {
  return g.rng.weighted(windows(), (w) => (w === "driver" ? 0.3 : w === "passenger" ? 0.14 : 0.14));
}

/** A single window as a bare, terse noun ("window", "driver window", "rear left window"). */
function windowBare(g: G, w: string): string {
  switch (w) {
    case "driver":
      return g.x("{window|my window|driver window|driver's window|driver side window}");
    case "passenger":
      return g.x("{passenger window|passenger side window|passenger's window}");
    case "front left":
      return g.x("{front left window|left front window}");
    case "front right":
      return g.x("{front right window|right front window}");
    case "rear left":
      return g.x("{rear left window|back left window|left rear window}");
    case "rear right":
      return g.x("{rear right window|back right window|right rear window}");
    default:
      throw new Error(`windowBare: ${w}`);
  }
}

/** Opening/closing verb phrases with the window object inside. */
function moveWindow(g: G, pos: UpDown, obj: string): string {
  return pos === "down"
    ? g.x(
        `{open ${obj}|{roll|put|wind} down ${obj}|{roll|put|wind} ${obj} down|lower ${obj}|drop ${obj}|${obj} down|open up ${obj}}`,
      )
    : g.x(
        `{close ${obj}|shut ${obj}|{roll|put|wind} up ${obj}|{roll|put|wind} ${obj} up|raise ${obj}|${obj} up|close up ${obj}}`,
      );
}

/** Window amount: none = fully (500), a bit = 100, halfway = 250, all the way = 500, or a distance. */
function windowAmount(g: G): { text: string; mm: number; said: number[] } {
  const k = g.rng.weighted(["none", "bit", "half", "all", "dist"] as const, (x) =>
    x === "none" ? 0.3 : x === "bit" ? 0.18 : x === "half" ? 0.15 : x === "all" ? 0.1 : 0.27,
  );
  if (k === "none") return { text: "", mm: D.windowFull, said: [] };
  if (k === "bit") return { text: g.x(BIT_ADV), mm: D.windowBit, said: [] };
  if (k === "half") return { text: g.x("{halfway|half way|half-way|halfway please}"), mm: D.windowHalf, said: [] };
  if (k === "all") return { text: g.x("{all the way|fully|completely|the whole way}"), mm: D.windowFull, said: [] };
  const d = distance(g, D.windowFull, 5);
  return { text: g.chance(0.4) ? `by ${d.text}` : d.text, mm: d.mm, said: [d.mm] };
}

/** The pair a plural names (contract §3): front = front left then front right. */
function pairWindows(front: boolean): [string, string] {
  return front ? ["front left", "front right"] : ["rear left", "rear right"];
}

export function bodyFamilies(F: FamilySet): void {
  // ================================================================ control_window
  F.add(WIN, "window.move.verb", { weight: 4 }, (g) => {
    const w = pickWindow(g);
    const pos: UpDown = g.chance(0.6) ? "down" : "up";
    const a = windowAmount(g);
    return cmd(
      `${moveWindow(g, pos, windowObject(g, w))} ${a.text}`,
      [call(WIN, { window: w, position: pos, distance: a.mm })],
      a.said,
    );
  });

  F.add(WIN, "window.crack", { weight: 1.5 }, (g) => {
    const w = pickWindow(g);
    return cmd(
      g.x(
        `{crack ${windowObject(g, w)}|crack ${windowObject(g, w)} open|crack open ${windowObject(g, w)}|crack ${windowObject(g, w)} a bit}`,
      ),
      [call(WIN, { window: w, position: "down", distance: D.windowBit })],
    );
  });

  F.add(WIN, "window.open_amount", { weight: 2 }, (g) => {
    const w = pickWindow(g);
    const pos: UpDown = g.chance(0.7) ? "down" : "up";
    const obj = windowObject(g, w);
    const a = windowAmount(g);
    const text =
      pos === "down"
        ? g.x(`{open ${obj} ${a.text}|${obj} open ${a.text}|open ${obj} up ${a.text}|let ${obj} down ${a.text}}`)
        : g.x(`{close ${obj} ${a.text}|${obj} closed ${a.text}|close up ${obj} ${a.text}}`);
    return cmd(text, [call(WIN, { window: w, position: pos, distance: a.mm })], a.said);
  });

  F.add(WIN, "window.statement", { weight: 1.2 }, (g) => {
    const w = pickWindow(g);
    const open = g.chance(0.6);
    const obj = windowObject(g, w);
    return stmt(
      open
        ? g.x(`{I want ${obj} open|I'd like ${obj} {open|down}|${obj} needs to be open|I need ${obj} down}`)
        : g.x(`{I want ${obj} closed|I'd like ${obj} {closed|up}|${obj} needs to be closed|I need ${obj} up}`),
      [call(WIN, { window: w, position: open ? "down" : "up", distance: D.windowFull })],
    );
  });

  F.add(WIN, "window.question", { weight: 1.2 }, (g) => {
    const w = pickWindow(g);
    const pos: UpDown = g.chance(0.6) ? "down" : "up";
    const a = windowAmount(g);
    return ask(
      `${g.x("{can you|could you|would you|can you please}")} ${moveWindow(g, pos, windowObject(g, w))} ${a.text}`,
      [call(WIN, { window: w, position: pos, distance: a.mm })],
      a.said,
    );
  });

  F.add(WIN, "window.pair", { weight: 2 }, (g) => {
    const front = g.chance(0.5);
    const pos: UpDown = g.chance(0.6) ? "down" : "up";
    const a = windowAmount(g);
    const obj = front
      ? g.x("{the front windows|both front windows|the two front windows|front windows|the front two windows}")
      : g.x(
          "{the back windows|the rear windows|both rear windows|both back windows|the two back windows|rear windows|back windows}",
        );
    const [w1, w2] = pairWindows(front);
    return cmd(
      `${moveWindow(g, pos, obj)} ${a.text}`,
      [
        call(WIN, { window: w1, position: pos, distance: a.mm }),
        call(WIN, { window: w2, position: pos, distance: a.mm }),
      ],
      a.said,
    );
  });

  F.add(WIN, "window.crack_more", { weight: 1.2 }, (g) => {
    const w = pickWindow(g);
    const obj = windowObject(g, w);
    return cmd(
      g.x(
        `{open ${obj} a crack|{roll|put|wind} ${obj} down a crack|{roll|put|wind} down ${obj} a crack|crack ${obj} a little|crack ${obj} open a bit|leave ${obj} open a crack|give ${obj} a crack}`,
      ),
      [call(WIN, { window: w, position: "down", distance: D.windowBit })],
    );
  });

  F.add(WIN, "window.terse", { weight: 1.5 }, (g) => {
    const w = pickWindow(g);
    const pos: UpDown = g.chance(0.6) ? "down" : "up";
    const a = windowAmount(g);
    const obj = windowBare(g, w);
    const word = pos === "down" ? g.x("{down|down|open}") : g.x("{up|up|closed|shut}");
    const amt = word === "closed" || word === "shut" ? "" : a.text;
    const mm = amt === "" ? D.windowFull : a.mm;
    return cmd(
      `${obj} ${word} ${amt}`,
      [call(WIN, { window: w, position: pos, distance: mm })],
      amt === "" ? [] : a.said,
    );
  });

  F.add(WIN, "window.distance", { weight: 1.5 }, (g) => {
    const w = pickWindow(g);
    const pos: UpDown = g.chance(0.65) ? "down" : "up";
    const d = distance(g, D.windowFull, 5);
    const obj = windowObject(g, w);
    const by = g.chance(0.4) ? "by " : "";
    const text =
      pos === "down"
        ? g.x(
            `{open ${obj} ${by}${d.text}|lower ${obj} ${by}${d.text}|{roll|put|bring} ${obj} down ${by}${d.text}|open ${obj} about ${d.text}|{roll|put} down ${obj} ${by}${d.text}}`,
          )
        : g.x(
            `{close ${obj} ${by}${d.text}|raise ${obj} ${by}${d.text}|{roll|put|bring} ${obj} up ${by}${d.text}|{roll|put} up ${obj} ${by}${d.text}}`,
          );
    return cmd(text, [call(WIN, { window: w, position: pos, distance: d.mm })], [d.mm]);
  });

  // A command with a reason attached: only the window call.
  F.add(WIN, "window.reason", { weight: 2 }, (g) => {
    const open = g.chance(0.7);
    const w = g.chance(0.7) ? "driver" : pickWindow(g);
    const obj = windowObject(g, w);
    if (open) {
      const reason = g.x(
        "{can we get some air in here?|let in some air,|let some air in,|let's get some air in here,|I need some fresh air,|I'd love some fresh air,|I could use some fresh air,|get some air in here,|I want some fresh air,|some fresh air would be nice,}",
      );
      const k = g.int(0, 2);
      if (k === 0)
        return cmd(
          `${reason} crack ${obj}`,
          [call(WIN, { window: w, position: "down", distance: D.windowBit })],
          [],
          false,
        );
      const a = windowAmount(g);
      return cmd(
        `${reason} ${g.x(`{open ${obj}|{roll|put} down ${obj}|lower ${obj}}`)} ${a.text}`,
        [call(WIN, { window: w, position: "down", distance: a.mm })],
        a.said,
        false,
      );
    }
    const reason = g.x(
      "{it's raining|it's starting to rain|it's getting cold|it's too windy|it's dusty out here|there's a bad smell outside|we're going through a tunnel|it's pouring}",
    );
    const core = g.x(`{close ${obj}|shut ${obj}|{roll|put|wind} up ${obj}|raise ${obj}}`);
    const text = g.chance(0.5)
      ? `${reason}${g.pick([",", " so", ", so"])} ${core}`
      : `${core}${g.pick([",", " please,"])} ${reason}`;
    return cmd(text, [call(WIN, { window: w, position: "up", distance: D.windowFull })], [], false);
  });

  F.add(WIN, "window.air_through", { weight: 0.6 }, (g) => {
    const w = g.chance(0.7) ? "driver" : pickWindow(g);
    return cmd(
      g.x(`{let some air in|let in some air|let some fresh air in|get some air in} through ${windowObject(g, w)}`),
      [call(WIN, { window: w, position: "down", distance: D.windowBit })],
      [],
      false,
    );
  });

  // Held out: the verb "slide" for a window (known from the sunroof and sunshade) and
  // the window as the subject ("could my window slide down").
  F.add(
    WIN,
    "window.held.slide",
    {
      held: true,
      weight: 1.2,
      heldWords: [
        /\bslide (the |my )?((driver|passenger|front|rear|back|left|right|side|driver's|passenger's) ){0,3}window\b/,
        /\b(the|my) ([a-z']+ ){0,3}window slide (down|up)\b/,
      ],
    },
    (g) => {
      const w = pickWindow(g);
      const pos: UpDown = g.chance(0.6) ? "down" : "up";
      const a = windowAmount(g);
      if (g.chance(0.3))
        return ask(
          `${g.x("{could|can}")} ${windowObject(g, w).replace(/^(?!the |my )/, "the ")} slide ${pos === "down" ? "down" : "up"} ${a.text}`,
          [call(WIN, { window: w, position: pos, distance: a.mm })],
          a.said,
        );
      return cmd(
        `slide ${windowObject(g, w)} ${pos === "down" ? g.x("{down|open}") : g.x("{up|shut}")} ${a.text}`,
        [call(WIN, { window: w, position: pos, distance: a.mm })],
        a.said,
      );
    },
  );

  // ================================================================ control_all_windows
  const ALL_W =
    "{all the windows|all windows|every window|all of the windows|the windows|each window|all four windows}";
  F.add(ALL, "allwin.verb", { weight: 3 }, (g) => {
    const pos: UpDown = g.chance(0.5) ? "down" : "up";
    return cmd(moveWindow(g, pos, g.x(ALL_W)), [call(ALL, { position: pos })]);
  });
  F.add(ALL, "allwin.short", { weight: 2 }, (g) => {
    const pos: UpDown = g.chance(0.5) ? "down" : "up";
    return cmd(
      pos === "down"
        ? g.x(
            "{windows down|all windows down|open the windows|open all the windows|open every window|windows open|put the windows down|roll the windows down}",
          )
        : g.x(
            "{windows up|all windows up|close the windows|close all the windows|close every window|windows closed|put the windows up|roll the windows up|shut all the windows}",
          ),
      [call(ALL, { position: pos })],
    );
  });
  F.add(ALL, "allwin.reason", { weight: 1.2 }, (g) => {
    const up = g.chance(0.6);
    return cmd(
      up
        ? g.x(
            "{it's raining|it's about to rain|it's getting cold|it's dusty out here|we're on the highway}{,| so} {close|shut|put up|roll up} {all the windows|the windows|every window}",
          )
        : g.x(
            "{it's lovely out|it's a nice day|it's so nice outside}{,| so} {open|put down|roll down} {all the windows|the windows|every window}",
          ),
      [call(ALL, { position: up ? "up" : "down" })],
      [],
      false,
    );
  });
  F.add(ALL, "allwin.question", { weight: 1 }, (g) => {
    const pos: UpDown = g.chance(0.5) ? "down" : "up";
    return ask(`${g.x("{can you|could you}")} ${moveWindow(g, pos, g.x(ALL_W))}`, [call(ALL, { position: pos })]);
  });
  // "Make sure all the windows are shut" is everyday English: training (it was held out once).
  F.add(ALL, "allwin.sure", { weight: 1.5 }, (g) => {
    const up = g.chance(0.6);
    const state = up
      ? g.x("{closed|shut|up|all the way up|fully closed}")
      : g.x("{open|down|all the way down|fully open}");
    const k = g.int(0, 2);
    const text =
      k === 0
        ? `make sure ${g.x("{all the windows are|all windows are|every window is|each window is|the windows are|all of the windows are}")} ${state}`
        : k === 1
          ? `${g.x("{I want|I'd like|I need}")} ${g.x("{all the windows|all windows|every window|all of the windows|all four windows}")} ${state}`
          : `${g.x("{get|have|put}")} ${g.x("{all the windows|every window|all windows}")} ${state.replace(/^(closed|shut|open)$/, up ? "up" : "down")}`;
    return k === 1
      ? stmt(text, [call(ALL, { position: up ? "up" : "down" })])
      : cmd(text, [call(ALL, { position: up ? "up" : "down" })]);
  });
  F.add(ALL, "allwin.terse", { weight: 1.5 }, (g) => {
    const up = g.chance(0.5);
    const obj = g.x("{all windows|all the windows|every window|each window|windows|all four windows}");
    const text = up
      ? g.x(
          `{${obj} up|${obj} closed|${obj} shut|shut ${obj}|raise ${obj}|${obj} all the way up|close up ${obj}|shut up ${obj}}`,
        )
      : g.x(`{${obj} down|${obj} open|open ${obj}|lower ${obj}|${obj} all the way down|open up ${obj}|drop ${obj}}`);
    return cmd(text.replace(/^shut up /, "shut "), [call(ALL, { position: up ? "up" : "down" })]);
  });
  // Held out: the rare verbs "batten down", "seal" and "throw open", with window words known from training.
  F.add(ALL, "allwin.held.batten", { held: true, weight: 1, heldWords: ["batten", "seal", "throw open"] }, (g) => {
    const up = g.chance(0.6);
    const obj = g.x("{all the windows|the windows|every window|all windows}");
    return up
      ? cmd(g.x(`{batten down ${obj}|seal ${obj}|seal up ${obj}|seal ${obj} shut}`), [call(ALL, { position: "up" })])
      : cmd(`throw open ${obj}`, [call(ALL, { position: "down" })]);
  });

  // ================================================================ set_window_child_lock
  const LOCK_NOUN =
    "{the child lock|the window child lock|the child locks|the kids lock|the child safety lock|the window lock|the rear window lock}";
  const LOCK_BARE = "{child lock|window child lock|child locks|child safety lock|window lock}";
  const LOCK_WHERE = "{||| on the windows| for the rear windows| for the back windows| on the rear windows}";
  // A lock phrase naming "the rear windows" is no clause of a parallel query (next to a
  // single-window call it would read as two window calls).
  const noPairWords = (text: string) => !/\b(front|back|rear) windows\b/.test(text);
  F.add(LOCK, "lock.on_off", { weight: 3 }, (g) => {
    const on = g.chance(0.55);
    const text = on
      ? g.x(
          `{{turn|switch|put} on ${LOCK_NOUN}|{engage|enable|activate|set} ${LOCK_NOUN}|${LOCK_BARE} on}${LOCK_WHERE}`,
        )
      : g.x(
          `{{turn|switch} off ${LOCK_NOUN}|{disengage|disable|deactivate|release} ${LOCK_NOUN}|${LOCK_BARE} off}${LOCK_WHERE}`,
        );
    return cmd(text, [call(LOCK, { on })], [], noPairWords(text));
  });
  F.add(LOCK, "lock.rear_windows", { weight: 2 }, (g) => {
    const on = g.chance(0.55);
    const wins = g.x(
      "{the rear windows|the back windows|the kids' windows|the rear passenger windows|the windows in the back|the back seat windows}",
    );
    const text = on
      ? g.x(
          `{lock ${wins}|lock ${wins} so the kids can't open them|lock ${wins} so the kids {stop playing with them|can't play with them|can't open them}|don't let the kids open {their windows|the windows}|child lock ${wins}|disable ${wins}|stop the kids {from opening|opening|playing with} ${wins}}`,
        )
      : g.x(
          `{unlock ${wins}|let the kids {open|use} their windows|give the kids control of their windows|let the kids open ${wins}|enable ${wins} again}`,
        );
    // "don't let ..." takes no "could you" in front: a statement-like draft.
    if (text.startsWith("don't")) return stmt(text, [call(LOCK, { on })]);
    return cmd(text, [call(LOCK, { on })], [], noPairWords(text));
  });
  // "Childproof" is everyday English: training (it was held out once).
  F.add(LOCK, "lock.childproof", { weight: 2 }, (g) => {
    const on = g.chance(0.6);
    if (on) {
      const wins = g.x("{the rear windows|the back windows|the windows|the windows in the back}");
      const text = g.x(
        `{childproof ${wins}|make ${wins} childproof|child-proof ${wins}|child lock on|child locks on|{turn|switch} the child lock on|{put|turn|switch} on the child {lock|locks}|child lock the windows|lock the windows for the kids|lock the {rear|back} window switches}`,
      );
      return cmd(text, [call(LOCK, { on: true })], [], noPairWords(text));
    }
    const text = g.x(
      `{child lock off|child locks off|{turn|switch} the child lock off|remove the child {lock|locks}|unlock the child lock|take off the child lock|take the child lock off|undo the child lock|get rid of the child lock|unlock the {rear|back} window switches}`,
    );
    return cmd(text, [call(LOCK, { on: false })]);
  });
  F.add(LOCK, "lock.question", { weight: 1 }, (g) => {
    const on = g.chance(0.55);
    return ask(
      `${g.x("{can you|could you}")} ${on ? g.x("{turn on|engage|enable}") : g.x("{turn off|disable|release}")} ${g.x(LOCK_NOUN)}`,
      [call(LOCK, { on })],
    );
  });
  // Held out: the rarer verbs "prevent" and "lift", with lock/window words known from training.
  F.add(
    LOCK,
    "lock.held.prevent",
    { held: true, weight: 1, heldWords: ["prevent", "lift the child", "lift the window lock"] },
    (g) =>
      g.chance(0.5)
        ? cmd(
            g.x(
              "prevent the {kids|children} from {opening|using|playing with} the {rear windows|back windows|windows}",
            ),
            [call(LOCK, { on: true })],
            [],
            false,
          )
        : cmd(g.x("lift the {child lock|child locks|window lock}"), [call(LOCK, { on: false })]),
  );

  // ================================================================ operate_sunroof
  const ROOF_NOUN = "{the sunroof|the sun roof|the moonroof|the moon roof|the roof|sunroof|moonroof}";
  const roofPct = range(ROOF, "intensity");
  F.add(ROOF, "roof.open", { weight: 3 }, (g) => {
    const k = g.rng.weighted(["none", "full", "half", "bit", "pct"] as const, (x) =>
      x === "none" ? 0.35 : x === "full" ? 0.1 : x === "half" ? 0.17 : x === "bit" ? 0.13 : 0.25,
    );
    const noun = g.x(ROOF_NOUN);
    const verb = g.x(`{open ${noun}|slide open ${noun}|open up ${noun}|${noun} open|slide ${noun} open}`);
    if (k === "none") return cmd(verb, [call(ROOF, { action: "open" })]);
    if (k === "full")
      return cmd(`${verb} ${g.x("{all the way|fully|completely|100 percent|one hundred percent|100%}")}`, [
        call(ROOF, { action: "open" }),
      ]);
    if (k === "half")
      return cmd(`${verb} ${g.x("{halfway|half way}")}`, [call(ROOF, { action: "open", intensity: D.sunroofHalf })]);
    if (k === "bit") return cmd(`${verb} ${g.x(BIT_ADV)}`, [call(ROOF, { action: "open", intensity: D.sunroofBit })]);
    const p = g.chance(0.7) ? 5 * g.int(1, 19) : g.int(Math.max(1, roofPct.min), roofPct.max - 1);
    const said = g.n(p, 0.4);
    return cmd(
      `${verb} ${g.x(`{${said} percent|${p}%|to ${said} percent|${said} per cent}`)}`,
      [call(ROOF, { action: "open", intensity: p })],
      [p],
    );
  });
  F.add(ROOF, "roof.close", { weight: 2 }, (g) =>
    cmd(
      g.x(
        `{close ${ROOF_NOUN}|shut ${ROOF_NOUN}|${ROOF_NOUN} {closed|shut}|slide ${ROOF_NOUN} shut|close up ${ROOF_NOUN}}`,
      ),
      [call(ROOF, { action: "close" })],
    ),
  );
  // The contract's sunroof amounts hold for tilting too: "tilt the sunroof a bit" is 25.
  F.add(ROOF, "roof.tilt", { weight: 2.4 }, (g) => {
    const verb = g.x(
      `{tilt ${ROOF_NOUN}|tilt open ${ROOF_NOUN}|tilt ${ROOF_NOUN} open|{put|set} ${ROOF_NOUN} {on|to} tilt|${ROOF_NOUN} on tilt|tilt up ${ROOF_NOUN}}`,
    );
    const k = g.rng.weighted(["none", "bit", "half", "pct"] as const, (x) =>
      x === "none" ? 0.62 : x === "bit" ? 0.18 : x === "half" ? 0.1 : 0.1,
    );
    if (k === "none" || /tilt$/.test(verb)) return cmd(verb, [call(ROOF, { action: "tilt" })]);
    if (k === "bit") return cmd(`${verb} ${g.x(BIT_ADV)}`, [call(ROOF, { action: "tilt", intensity: D.sunroofBit })]);
    if (k === "half")
      return cmd(`${verb} ${g.x("{halfway|half way}")}`, [call(ROOF, { action: "tilt", intensity: D.sunroofHalf })]);
    const p = 5 * g.int(1, 19);
    const said = g.n(p, 0.4);
    return cmd(
      `${verb} ${g.x(`{${said} percent|${p}%|to ${said} percent}`)}`,
      [call(ROOF, { action: "tilt", intensity: p })],
      [p],
    );
  });
  F.add(ROOF, "roof.question", { weight: 1 }, (g) => {
    const a = g.pick(["open", "close", "tilt"] as const);
    return ask(`${g.x("{can you|could you|would you}")} ${a === "close" ? g.x("{close|shut}") : a} ${g.x(ROOF_NOUN)}`, [
      call(ROOF, { action: a }),
    ]);
  });
  F.add(ROOF, "roof.statement", { weight: 0.8 }, (g) => {
    const open = g.chance(0.6);
    return stmt(open ? g.x(`{I want|I'd like} ${ROOF_NOUN} open`) : g.x(`{I want|I'd like} ${ROOF_NOUN} closed`), [
      call(ROOF, { action: open ? "open" : "close" }),
    ]);
  });
  // "Vent the sunroof" is what many drivers say for tilt: training (it was held out once).
  F.add(ROOF, "roof.vent", { weight: 1.5 }, (g) => {
    const noun = g.x(ROOF_NOUN);
    return cmd(
      g.x(
        `{vent ${noun}|vent ${noun}|put ${noun} {in|on} vent|${noun} to vent|${noun} on vent|put ${noun} in the vent position|tilt ${noun} up|tilt up ${noun}|lift ${noun} to vent|${noun} tilted}`,
      ),
      [call(ROOF, { action: "tilt" })],
    );
  });
  F.add(ROOF, "roof.pop", { weight: 0.6 }, (g) => {
    const noun = g.x("{the sunroof|the moonroof|the sun roof|the roof}");
    return cmd(g.x(`{pop open ${noun}|pop ${noun} open}`), [call(ROOF, { action: "open" })]);
  });
  // A command with a reason attached: only the sunroof call.
  F.add(ROOF, "roof.reason", { weight: 2 }, (g) => {
    const a = g.rng.weighted(["close", "open", "tilt"] as const, (x) =>
      x === "close" ? 0.5 : x === "open" ? 0.3 : 0.2,
    );
    const noun = g.x("{the sunroof|the moonroof|the sun roof|the moon roof|the roof}");
    const please = g.pick(["", " please", " please", " for me"]);
    const core =
      a === "close"
        ? g.x(`{close ${noun}|shut ${noun}|close up ${noun}|slide ${noun} shut}`)
        : a === "open"
          ? g.x(`{open ${noun}|open up ${noun}|slide ${noun} open}`)
          : g.x(`{tilt ${noun}|vent ${noun}|put ${noun} on tilt}`);
    const reason =
      a === "close"
        ? g.x(
            "{it's starting to rain|it's raining|it's about to rain|it's getting cold|it's too windy|we're getting on the highway|it's dusty out here|there's a storm coming|it's pouring}",
          )
        : a === "open"
          ? g.x(
              "{it's a lovely day|it's so nice out|I want some sun|it's a beautiful evening|I want to see the stars|the weather is perfect}",
            )
          : g.x("{I need a bit of air|let some air in|let's get some air in here|I want a little air}");
    if (g.chance(0.55)) return stmt(`${core}${please}, ${reason}`, [call(ROOF, { action: a })]);
    return cmd(`${reason}${g.pick([",", " so", ", so"])} ${core}${please}`, [call(ROOF, { action: a })], [], false);
  });
  // Held out: the rare verb "peel", with sunroof words known from training.
  F.add(ROOF, "roof.held.peel", { held: true, weight: 1, heldWords: ["peel"] }, (g) =>
    cmd(
      g.x(
        "{peel back {the sunroof|the moonroof|the roof}|peel {the sunroof|the moonroof} back|peel open {the sunroof|the moonroof}}",
      ),
      [call(ROOF, { action: "open" })],
    ),
  );

  // ================================================================ operate_sunshade
  const SHADE_NOUN =
    "{the sunshade|the sun shade|the sun blind|the roof blind|the shade|the sunscreen|the roller blind|the roof shade|the sunroof shade|the sunroof blind}";
  const shadeActions = enumValues(SHADE, "action");
  F.add(SHADE, "shade.verb", { weight: 3 }, (g) => {
    const a = g.pick(shadeActions);
    return cmd(
      a === "open"
        ? g.x(
            `{open ${SHADE_NOUN}|retract ${SHADE_NOUN}|{roll|pull|slide} back ${SHADE_NOUN}|${SHADE_NOUN} open|open up ${SHADE_NOUN}}`,
          )
        : g.x(
            `{close ${SHADE_NOUN}|{pull|draw|slide} ${SHADE_NOUN} {closed|shut|across|over}|${SHADE_NOUN} closed|extend ${SHADE_NOUN}|shut ${SHADE_NOUN}}`,
          ),
      [call(SHADE, { action: a })],
    );
  });
  F.add(SHADE, "shade.indirect", { weight: 1.2 }, (g) => {
    const close = g.chance(0.65);
    return close
      ? stmt(
          g.x(
            "{it's too bright in here|the sun is {blazing|beating down|too strong} through the {roof|glass roof|sunroof}|there's too much sun coming through the roof|the sun through the roof is too bright}",
          ),
          [call(SHADE, { action: "close" })],
        )
      : cmd(
          g.x("let some {light|sunlight} in through the {roof|glass roof}"),
          [call(SHADE, { action: "open" })],
          [],
          false,
        );
  });
  F.add(SHADE, "shade.question", { weight: 1 }, (g) => {
    const a = g.pick(shadeActions);
    return ask(
      `${g.x("{can you|could you}")} ${a === "open" ? g.x("{open|retract}") : g.x("{close|draw}")} ${g.x(SHADE_NOUN)}`,
      [call(SHADE, { action: a })],
    );
  });
  // "Deploy/stow the shade", "tuck away the sunscreen": training (they were held out once).
  F.add(SHADE, "shade.deploy_stow", { weight: 2 }, (g) =>
    g.chance(0.5)
      ? cmd(g.x(`{deploy|unroll|roll out|pull out} ${SHADE_NOUN}`), [call(SHADE, { action: "close" })])
      : cmd(
          g.x(
            `{stow ${SHADE_NOUN}|tuck away ${SHADE_NOUN}|tuck ${SHADE_NOUN} away|put away ${SHADE_NOUN}|put ${SHADE_NOUN} away|stow away ${SHADE_NOUN}}`,
          ),
          [call(SHADE, { action: "open" })],
        ),
  );
  // A command with a reason attached: only the sunshade call.
  F.add(SHADE, "shade.reason", { weight: 2 }, (g) => {
    const close = g.chance(0.7);
    const noun = g.x(SHADE_NOUN);
    const core = close
      ? g.x(
          `{close ${noun}|pull ${noun} {closed|shut|across}|draw ${noun}|shut ${noun}|${noun} closed|slide ${noun} closed|extend ${noun}|deploy ${noun}}`,
        )
      : g.x(`{open ${noun}|retract ${noun}|{roll|pull|slide} back ${noun}|${noun} open|stow ${noun}}`);
    const reason = close
      ? g.x(
          "{the sun's in my eyes|the sun is in my eyes|it's too bright|its too bright|it's so bright|the sun is blinding me|it's way too bright in here|the sun is beating down on us}",
        )
      : g.x(
          "{it's dark in here|I want some light|let's get some light in|it's cloudy now|the sun's gone down|I want to see the sky}",
        );
    if (g.chance(0.6))
      return stmt(`${core}${g.pick([",", " please,", ""])} ${reason}`, [
        call(SHADE, { action: close ? "close" : "open" }),
      ]);
    return cmd(
      `${reason}${g.pick([",", " so", ", so"])} ${core}`,
      [call(SHADE, { action: close ? "close" : "open" })],
      [],
      false,
    );
  });
  // Held out: the rare verbs "unfurl" and "fold away", with sunshade words known from training.
  F.add(SHADE, "shade.held.unfurl", { held: true, weight: 1, heldWords: ["unfurl", "fold away"] }, (g) =>
    g.chance(0.5)
      ? cmd(g.x(`unfurl ${SHADE_NOUN}`), [call(SHADE, { action: "close" })])
      : cmd(g.x(`{fold away ${SHADE_NOUN}|fold ${SHADE_NOUN} away}`), [call(SHADE, { action: "open" })]),
  );
}
