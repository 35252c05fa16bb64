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

  F.add(
    WIN,
    "window.held.slide",
    {
      held: true,
      weight: 1.2,
      heldWords: [
        /\bslide (the |my )?((driver|passenger|front|rear|back|left|right|side|driver's|passenger's) ){0,3}window\b/,
        "let in some air",
      ],
    },
    (g) => {
      if (g.chance(0.25))
        return cmd(g.x("let in some air through {my window|the window}"), [
          call(WIN, { window: "driver", position: "down", distance: D.windowBit }),
        ]);
      const w = pickWindow(g);
      const pos: UpDown = g.chance(0.6) ? "down" : "up";
      const a = windowAmount(g);
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
  F.add(ALL, "allwin.held.sure", { held: true, weight: 1, heldWords: ["make sure", "batten"] }, (g) => {
    const up = g.chance(0.6);
    return up
      ? cmd(g.x("{make sure all the windows are {closed|shut|up}|batten down the windows}"), [
          call(ALL, { position: "up" }),
        ])
      : cmd(g.x("make sure all the windows are {open|down}"), [call(ALL, { position: "down" })]);
  });

  // ================================================================ set_window_child_lock
  const LOCK_NOUN =
    "{the child lock|the window child lock|the child locks|the kids lock|the child safety lock|the window lock|the rear window lock}";
  const LOCK_BARE = "{child lock|window child lock|child locks|child safety lock|window lock}";
  const LOCK_WHERE = "{||| on the windows| for the rear windows| for the back windows| on the rear windows}";
  F.add(LOCK, "lock.on_off", { weight: 3 }, (g) => {
    const on = g.chance(0.55);
    return cmd(
      on
        ? g.x(
            `{{turn|switch|put} on ${LOCK_NOUN}|{engage|enable|activate|set} ${LOCK_NOUN}|${LOCK_BARE} on}${LOCK_WHERE}`,
          )
        : g.x(
            `{{turn|switch} off ${LOCK_NOUN}|{disengage|disable|deactivate|release} ${LOCK_NOUN}|${LOCK_BARE} off}${LOCK_WHERE}`,
          ),
      [call(LOCK, { on })],
    );
  });
  F.add(LOCK, "lock.rear_windows", { weight: 2 }, (g) => {
    const on = g.chance(0.55);
    const wins = g.x("{the rear windows|the back windows|the kids' windows|the rear passenger windows}");
    return cmd(
      on
        ? g.x(
            `{lock ${wins}|lock ${wins} so the kids can't open them|don't let the kids open {their windows|the windows}|child lock ${wins}}`,
          )
        : g.x(`{unlock ${wins}|let the kids {open|use} their windows|give the kids control of their windows}`),
      [call(LOCK, { on })],
    );
  });
  F.add(LOCK, "lock.question", { weight: 1 }, (g) => {
    const on = g.chance(0.55);
    return ask(
      `${g.x("{can you|could you}")} ${on ? g.x("{turn on|engage|enable}") : g.x("{turn off|disable|release}")} ${g.x(LOCK_NOUN)}`,
      [call(LOCK, { on })],
    );
  });
  F.add(
    LOCK,
    "lock.held.childproof",
    { held: true, weight: 1, heldWords: ["childproof", "lift the child", "remove the child"] },
    (g) =>
      g.chance(0.5)
        ? cmd(g.x("childproof the {rear windows|back windows|windows}"), [call(LOCK, { on: true })])
        : cmd(g.x("{lift|remove} the child {lock|locks}"), [call(LOCK, { on: false })]),
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
  F.add(ROOF, "roof.tilt", { weight: 2 }, (g) =>
    cmd(
      g.x(
        `{tilt ${ROOF_NOUN}|tilt open ${ROOF_NOUN}|tilt ${ROOF_NOUN} open|{put|set} ${ROOF_NOUN} {on|to} tilt|${ROOF_NOUN} on tilt|tilt up ${ROOF_NOUN}}`,
      ),
      [call(ROOF, { action: "tilt" })],
    ),
  );
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
  F.add(
    ROOF,
    "roof.held.vent_peel",
    { held: true, weight: 1, heldWords: ["vent the sunroof", "vent the moonroof", "peel back"] },
    (g) =>
      g.chance(0.5)
        ? cmd(g.x("vent {the sunroof|the moonroof}"), [call(ROOF, { action: "tilt" })])
        : cmd(g.x("peel back {the sunroof|the moonroof|the roof}"), [call(ROOF, { action: "open" })]),
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
  F.add(SHADE, "shade.held.deploy_stow", { held: true, weight: 1, heldWords: ["deploy", "stow", "tuck away"] }, (g) =>
    g.chance(0.5)
      ? cmd(g.x(`{deploy|unroll} ${SHADE_NOUN}`), [call(SHADE, { action: "close" })])
      : cmd(g.x(`{stow|tuck away} ${SHADE_NOUN}`), [call(SHADE, { action: "open" })]),
  );
}
