/** Phrasing families: adjust_volume, mute_audio. */
import { call } from "../calls.js";
import { BIT_ADV, BIT_CMP, D, type G, LOT_ADV, LOT_ADV_DOWN, LOT_CMP } from "../lexicon.js";
import { ask, cmd, type FamilySet, stmt } from "./types.js";

const VOL = "adjust_volume";
const MUTE = "mute_audio";

const vol = (diff: number) => call(VOL, { volume_diff: diff });
const volSet = (v: number) => call(VOL, { set_value: v });

/** What is being made louder: never "it" here (see the *.it families). */
const AUDIO_NOUN = "{the volume|the sound|the music|the radio|the audio|the stereo|the tunes|the speakers}";
const VOLUME_NOUN = "{the volume|the sound|the audio|the volume level|the sound level|volume|volume level}";

/** A step size said as a number, 1..20 mostly (the hearing cap is 20; larger steps are clamped). */
function stepN(g: G): number {
  return g.chance(0.9) ? g.int(1, 20) : g.pick([25, 30, 40]);
}
function setN(g: G): number {
  return g.int(D.volumeMin, D.volumeMax);
}
const UNIT = "{notches|steps|clicks|points|levels|bars}";

/** up (+1) or down (-1) with an amount: none = 5, bit = 2, lot = 10, number = n. */
function volAmount(g: G): { kind: "none" | "bit" | "lot" | "number"; n: number } {
  const kind = g.rng.weighted(["none", "bit", "lot", "number"] as const, (k) =>
    k === "none" ? 0.35 : k === "bit" ? 0.25 : k === "lot" ? 0.15 : 0.25,
  );
  const n = kind === "none" ? D.volumeStep : kind === "bit" ? D.volumeBit : kind === "lot" ? D.volumeLot : stepN(g);
  return { kind, n };
}

export function audioFamilies(F: FamilySet): void {
  // ---------------------------------------------------------------- volume steps
  F.add(VOL, "volume.step.turn_noun", { weight: 3 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const dir = up ? "up" : "down";
    const verb = g.x("{turn|put|bring|push}");
    const obj = g.x(AUDIO_NOUN);
    const core = g.chance(0.5) ? `${verb} ${dir} ${obj}` : `${verb} ${obj} ${dir}`;
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x(up ? LOT_ADV : LOT_ADV_DOWN)
            : g.x(`{by ${g.n(a.n)}|${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}|${g.n(a.n)} ${UNIT}}`);
    return cmd(`${core} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(VOL, "volume.step.raise_lower", { weight: 2 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const verb = up ? g.x("{raise|increase|boost|up}") : g.x("{lower|decrease|reduce|drop}");
    const obj = g.x(VOLUME_NOUN);
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|by a lot|loads|a whole lot}")
            : g.x(`{by ${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}}`);
    return cmd(`${verb} ${obj} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(VOL, "volume.step.noun_updown", { weight: 2 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const noun = g.x("{volume|sound|music|audio|radio}");
    const dir = up ? "up" : "down";
    const text =
      a.kind === "none"
        ? `${noun} ${dir}`
        : a.kind === "bit"
          ? g.x(`{${noun} ${dir} ${BIT_ADV}|${noun} ${dir} {a bit|a little}}`)
          : a.kind === "lot"
            ? g.x(`${noun} ${dir} {a lot|loads|a whole lot}`)
            : g.x(`{${noun} ${dir} ${g.n(a.n)}|${noun} ${dir} by ${g.n(a.n)}|${noun} ${dir} ${g.n(a.n)} ${UNIT}}`);
    return cmd(text, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(VOL, "volume.step.comparative", { weight: 3 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const adj = up ? "louder" : g.x("{quieter|softer|quieter}");
    const obj = g.x("{it|the music|the radio|the sound|this|the audio}");
    const make = g.x(`{make ${obj}|make ${obj}|go|a}`);
    const amount =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_CMP)
          : a.kind === "lot"
            ? g.x(LOT_CMP)
            : g.x(`{${g.n(a.n)} ${UNIT}|${g.n(a.n)} ${UNIT}}`);
    const text = make === "a" ? `${amount} ${adj}` : `${make} ${amount} ${adj}`;
    const bare = make === "a" && a.kind === "none";
    return cmd(
      bare ? g.x(`{${adj}|${adj} please|${adj}!}`) : text,
      [vol(up ? a.n : -a.n)],
      a.kind === "number" ? [a.n] : [],
      false,
    );
  });

  F.add(VOL, "volume.step.it", { weight: 3 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const dir = up ? "up" : "down";
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|loads|a whole lot|by a lot}")
            : g.x(`{${g.n(a.n)}|by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}|by ${g.n(a.n)} ${UNIT}}`);
    return cmd(
      `${g.x("{turn|put|bring}")} it ${dir} ${tail}`,
      [vol(up ? a.n : -a.n)],
      a.kind === "number" ? [a.n] : [],
      false,
    );
  });

  F.add(VOL, "volume.step.question", { weight: 1.5 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const verbPhrase = up
      ? g.x("{turn it up|turn up the volume|turn the music up|make it louder|raise the volume|turn the radio up}")
      : g.x(
          "{turn it down|turn down the volume|turn the music down|make it quieter|lower the volume|turn the radio down}",
        );
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|by a lot|loads}")
            : g.x(`{by ${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}}`);
    return ask(
      `${g.x("{can you|could you|would you|will you|can you please|could you please}")} ${verbPhrase} ${tail}`,
      [vol(up ? a.n : -a.n)],
      a.kind === "number" ? [a.n] : [],
    );
  });

  F.add(VOL, "volume.indirect.too_loud", { weight: 2 }, (g) => {
    if (g.chance(0.25)) {
      return stmt(
        g.x(
          "{it's|this is|the music is|the radio is|that's|the sound is} {a bit|a little|slightly|a tad} {loud|too loud}",
        ),
        [vol(-D.volumeBit)],
      );
    }
    return stmt(
      g.x(
        "{it's too loud|that's too loud|this is too loud|the music is too loud|the radio is too loud|the volume is too high|it's so loud|my ears hurt|it's deafening|ouch that's loud|too loud|the sound is too loud|the music's too loud in here|it's too loud in here}",
      ),
      [vol(-D.volumeStep)],
    );
  });

  F.add(VOL, "volume.indirect.too_quiet", { weight: 2 }, (g) => {
    if (g.chance(0.25)) {
      return stmt(
        g.x("{it's|this is|the music is|the radio is|the volume is} {a bit|a little|slightly} {quiet|too quiet|low}"),
        [vol(D.volumeBit)],
      );
    }
    return stmt(
      g.x(
        "{I can't hear {the music|the radio|anything|it|the song|the podcast}|I can barely hear {the music|the radio|it|this}|it's too quiet|the music is too quiet|the volume is too low|it's too soft|I can't hear a thing|the radio is too quiet|too quiet}",
      ),
      [vol(D.volumeStep)],
    );
  });

  // ---------------------------------------------------------------- volume to an absolute level
  F.add(VOL, "volume.set.to", { weight: 3 }, (g) => {
    const v = setN(g);
    const said = g.n(v);
    const text = g.x(
      `{{set|put|turn|change|adjust} ${VOLUME_NOUN} {to|at|on} ${said}|make ${VOLUME_NOUN} ${said}|volume {to|at} ${said}|volume ${said}|volume level ${said}|set volume ${said}|{set|put} the volume level to ${said}|${VOLUME_NOUN} {to|at} ${said} please|volume on ${said}}`,
    );
    return cmd(text, [volSet(v)], [v]);
  });

  F.add(VOL, "volume.set.updown_to", { weight: 3 }, (g) => {
    const v = setN(g);
    const said = g.n(v);
    const down = g.chance(0.5);
    const text = down
      ? g.x(
          `{turn {the volume|the music|the radio|the sound} down to ${said}|{lower|drop|reduce|decrease|bring down} the volume to ${said}|bring the volume down to ${said}|volume down to ${said}|{take|turn} it down to ${said}}`,
        )
      : g.x(
          `{turn {the volume|the music|the radio|the sound} up to ${said}|{raise|increase|boost|bring up} the volume to ${said}|bring the volume up to ${said}|volume up to ${said}|{take|turn} it up to ${said}}`,
        );
    return cmd(text, [volSet(v)], [v], !text.includes(" it "));
  });

  F.add(VOL, "volume.set.max", { weight: 1.5 }, (g) => {
    const text = g.x(
      "{max volume|maximum volume|full volume|volume to {max|maximum|the max|full}|volume {all the way up|at max}|turn {the volume|the music|the radio} all the way up|{set|put|turn} the volume to {max|maximum|the max|full}|as loud as it goes|{max|full} blast on the {radio|music|stereo}|max out the volume|turn the volume {up |}to the max|turn it all the way up}",
    );
    return cmd(text, [volSet(D.volumeMax)], [], !text.includes(" it "));
  });

  F.add(VOL, "volume.set.min", { weight: 1.2 }, (g) => {
    const text = g.x(
      "{lowest volume|minimum volume|volume to {the minimum|minimum|zero|0|the lowest}|volume all the way down|turn {the volume|the music|the radio} all the way down|{set|put|turn} the volume to {the minimum|zero|the lowest setting}|volume {at|on} {zero|minimum}|turn the volume down to {zero|the minimum}|turn it all the way down}",
    );
    return cmd(text, [volSet(D.volumeMin)], [], !text.includes(" it "));
  });

  // ---------------------------------------------------------------- held-out volume families
  F.add(VOL, "volume.held.crank_pump", { held: true, weight: 1.5, heldWords: ["crank", "pump"] }, (g) => {
    const up = g.chance(0.75);
    const a = volAmount(g);
    const core = up
      ? g.x("{crank|pump} {up the volume|the volume up|up the music|the music up|the tunes up|it up|up the radio}")
      : g.x("{crank|pump} {down the volume|the volume down|the music down|it down}");
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|loads}")
            : g.x(`{by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}}`);
    return cmd(`${core} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : [], !core.includes(" it "));
  });

  F.add(VOL, "volume.held.dial", { held: true, weight: 1, heldWords: ["dial the", "dial it"] }, (g) => {
    const v = setN(g);
    return cmd(g.x(`dial {the volume|the music|it} {to|up to|down to|in at} ${g.n(v)}`), [volSet(v)], [v], false);
  });

  F.add(VOL, "volume.held.ears", { held: true, weight: 0.8, heldWords: ["ringing", "hardly"] }, (g) =>
    g.chance(0.5)
      ? stmt(g.x("{my ears are ringing|the music has my ears ringing}"), [vol(-D.volumeStep)])
      : stmt(g.x("{I can hardly hear {the music|the radio|the words}|I can hardly make out the {lyrics|words}}"), [
          vol(D.volumeStep),
        ]),
  );

  // ---------------------------------------------------------------- mute
  F.add(MUTE, "mute.on.verb", { weight: 3 }, (g) =>
    cmd(
      g.x(
        "{mute|mute {the audio|the sound|the radio|the music|the speakers|the stereo|everything|the car audio|the volume}|{hit|press} mute|mute please|mute it|put {the radio|the music|the audio|it} on mute|mute on|go on mute}",
      ),
      [call(MUTE, { mute: true })],
    ),
  );
  F.add(MUTE, "mute.on.silence", { weight: 2 }, (g) =>
    cmd(
      g.x(
        "{silence {the audio|the sound|the radio|the music|the speakers}|kill the {sound|audio}|{turn|switch} {the sound|the audio} off|{sound|audio} off|cut the {sound|audio}}",
      ),
      [call(MUTE, { mute: true })],
    ),
  );
  F.add(MUTE, "mute.on.reason", { weight: 1 }, (g) =>
    cmd(
      g.x(
        "{I'm taking a call|I'm on the phone|the baby's asleep|I need to concentrate|I need to hear the navigation}{,| so} mute {the radio|the music|the audio|it|the sound}",
      ),
      [call(MUTE, { mute: true })],
      [],
      false,
    ),
  );
  F.add(MUTE, "mute.off.unmute", { weight: 3 }, (g) =>
    cmd(
      g.x(
        "{unmute|unmute {the audio|the sound|the radio|the music|the speakers|it}|{turn|switch} the {sound|audio} back on|{sound|audio} back on|take {it|the radio|the audio} off mute|cancel mute|mute off|{turn|switch} off mute|{sound|audio} on|bring the {sound|audio} back|stop muting {the radio|the audio}}",
      ),
      [call(MUTE, { mute: false })],
    ),
  );
  F.add(MUTE, "mute.question", { weight: 1 }, (g) => {
    const on = g.chance(0.5);
    return ask(
      on
        ? g.x("{can you|could you|would you} {mute {the radio|the music|the audio|it}|silence the {radio|music}}")
        : g.x("{can you|could you} {unmute {the radio|the audio|it}|turn the sound back on|take it off mute}"),
      [call(MUTE, { mute: on })],
    );
  });
  F.add(MUTE, "mute.held.shush", { held: true, weight: 1, heldWords: ["shush", "hush", "restore"] }, (g) => {
    const on = g.chance(0.6);
    return on
      ? cmd(g.x("{shush|hush} {the radio|the music|the speakers|the audio}"), [call(MUTE, { mute: true })])
      : cmd(g.x("restore the {sound|audio}"), [call(MUTE, { mute: false })]);
  });
}
