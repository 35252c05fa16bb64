/** Phrasing families: adjust_volume, mute_audio. */
import { call } from "../calls.js";
import {
  amountKind,
  amountWords,
  BIT_ADV,
  BIT_CMP,
  D,
  type G,
  LOT_ADV,
  LOT_ADV_DOWN,
  LOT_CMP,
  type StepAmount,
} from "../lexicon.js";
import { ask, cmd, type FamilySet, stmt } from "./types.js";

const VOL = "adjust_volume";
const MUTE = "mute_audio";

const vol = (diff: number) => call(VOL, { volume_diff: diff });
const volSet = (v: number) => call(VOL, { set_value: v });

/** What is being made louder: never "it" here (see the *.it families). */
const AUDIO_NOUN = "{the volume|the sound|the music|the radio|the audio|the stereo|the tunes|the speakers}";
const VOLUME_NOUN = "{the volume|the sound|the audio|the volume level|the sound level|volume|volume level}";

/** "a bit" after a verb phrase, with the casual extras people say ("a tiny bit", "a smidge"). */
const BIT_ADV_X =
  "{a bit|a little|a little bit|slightly|a touch|a tad|just a bit|just a little|a tiny bit|a wee bit|a smidge|just a touch}";

/** A step size said as a number, 1..20 mostly (the hearing cap is 20; larger steps are clamped). */
function stepN(g: G): number {
  return g.chance(0.9) ? g.int(1, 20) : g.pick([25, 30, 40]);
}
function setN(g: G): number {
  return g.int(D.volumeMin, D.volumeMax);
}
const UNIT = "{notches|steps|clicks|points|levels|bars}";

/** up (+1) or down (-1) with an amount: none = 5, bit = 2, lot = 10, number = n. */
function volAmount(g: G): StepAmount {
  const kind = amountKind(g, { none: 0.35, bit: 0.25, lot: 0.15, number: 0.25 });
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
    const tail = amountWords(g, a, BIT_ADV, up ? LOT_ADV : LOT_ADV_DOWN, () =>
      g.x(`{by ${g.n(a.n)}|${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}|${g.n(a.n)} ${UNIT}}`),
    );
    return cmd(`${core} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(VOL, "volume.step.raise_lower", { weight: 2 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const verb = up ? g.x("{raise|increase|boost|up}") : g.x("{lower|decrease|reduce|drop}");
    // "lower the music/radio" is said as often as "lower the volume"
    const obj = g.chance(0.25) ? g.x("{the music|the radio}") : g.x(VOLUME_NOUN);
    const tail = amountWords(g, a, BIT_ADV, "{a lot|by a lot|loads|a whole lot}", () =>
      g.x(`{by ${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}}`),
    );
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
    const amount = amountWords(g, a, BIT_CMP, LOT_CMP, () => g.x(`{${g.n(a.n)} ${UNIT}|${g.n(a.n)} ${UNIT}}`));
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
    const tail = amountWords(g, a, BIT_ADV, "{a lot|loads|a whole lot|by a lot}", () =>
      g.x(`{${g.n(a.n)}|by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}|by ${g.n(a.n)} ${UNIT}}`),
    );
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
    const lead = g.x("{can you|could you|would you|will you|can you please|could you please|is it possible to}");
    if (g.chance(0.25)) {
      // "make it (a bit / much / 3 notches) louder": the amount goes before the comparative
      const amt = amountWords(g, a, BIT_CMP, LOT_CMP, () => `${g.n(a.n)} ${g.x(UNIT)}`);
      const obj = g.x("{it|the music|the radio|this}");
      return ask(
        `${lead} make ${obj} ${amt} ${up ? "louder" : g.x("{quieter|softer}")}`,
        [vol(up ? a.n : -a.n)],
        a.kind === "number" ? [a.n] : [],
      );
    }
    const verbPhrase = up
      ? g.x(
          "{turn it up|turn up the volume|turn the music up|raise the volume|turn the radio up|turn this up|crank it up|bump the volume up}",
        )
      : g.x(
          "{turn it down|turn down the volume|turn the music down|lower the volume|turn the radio down|turn this down}",
        );
    const tail = amountWords(g, a, BIT_ADV, "{a lot|by a lot|loads}", () =>
      g.x(`{by ${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}}`),
    );
    return ask(`${lead} ${verbPhrase} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(VOL, "volume.indirect.too_loud", { weight: 2.5 }, (g) => {
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
        "{it's too loud|that's too loud|this is too loud|the music is too loud|the radio is too loud|the volume is too high|it's so loud|my ears hurt|it's deafening|ouch that's loud|too loud|the sound is too loud|the music's too loud in here|it's too loud in here|my ears are ringing|the music has my ears ringing|it's really loud|it's too loud back here|the music is too loud for me|that's really loud|the radio's too loud|it's hurting my ears|the volume's too high|the kids say it's too loud|it's very loud|it's way too loud|way too loud|the music is way too loud|it's far too loud|that's way too loud}",
      ),
      [vol(-D.volumeStep)],
    );
  });

  F.add(VOL, "volume.indirect.too_quiet", { weight: 2.5 }, (g) => {
    if (g.chance(0.25)) {
      return stmt(
        g.x("{it's|this is|the music is|the radio is|the volume is} {a bit|a little|slightly} {quiet|too quiet|low}"),
        [vol(D.volumeBit)],
      );
    }
    return stmt(
      g.x(
        "{I can't hear {the music|the radio|anything|it|the song|the podcast|the news|the words}|I can barely hear {the music|the radio|it|this|the podcast|the song}|I can hardly hear {the music|the radio|it|anything|the words|the podcast}|I can't make out the {lyrics|words}|it's too quiet|the music is too quiet|the volume is too low|it's too soft|I can't hear a thing|the radio is too quiet|too quiet|the volume's too low|it's really quiet|we can't hear it in the back|the kids can't hear it in the back|I can't hear it over the road noise|it's too quiet to hear|the music's too quiet|it's way too quiet|way too quiet|it's far too quiet}",
      ),
      [vol(D.volumeStep)],
    );
  });

  // ---------------------------------------------------------------- volume to an absolute level
  F.add(VOL, "volume.set.to", { weight: 3 }, (g) => {
    const v = setN(g);
    const said = g.n(v);
    const text = g.x(
      `{{set|put|turn|change|adjust} ${VOLUME_NOUN} {to|at|on} ${said}|make ${VOLUME_NOUN} ${said}|volume {to|at} ${said}|volume ${said}|volume level ${said}|set volume ${said}|{set|put} the volume level to ${said}|${VOLUME_NOUN} {to|at} ${said} please|volume on ${said}|{set|put|turn} the {radio|music|stereo|speaker} volume to ${said}|{radio|music} volume {to|at} ${said}|{set|put|change} it to volume ${said}|{go to|switch to} volume ${said}|I want the volume {at|on} ${said}|{can we have|let's have} the volume {at|on} ${said}}`,
    );
    if (/^can we\b/.test(text)) return ask(text, [volSet(v)], [v]);
    if (/^(I want|let's)\b/.test(text)) return stmt(text, [volSet(v)], [v]);
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

  // ---------------------------------------------------------------- more training phrasings
  // (crank/pump/bump/jack, "I can hardly hear", "the volume dial", remarks: common words a
  // driver uses, so they belong in training.)
  F.add(VOL, "volume.step.crank_pump", { weight: 3.5 }, (g) => {
    const up = g.chance(0.8);
    const a = volAmount(g);
    const verb = up
      ? g.rng.weighted(["crank", "pump", "bump", "jack", "amp"], (v) =>
          v === "crank" ? 0.4 : v === "pump" ? 0.25 : v === "bump" ? 0.2 : 0.075,
        )
      : "bump";
    const obj = g.rng.weighted(
      ["it", "this", "the volume", "the music", "the radio", "the tunes", "the sound", "the stereo", "this song"],
      (o) => (o === "it" ? 0.3 : o === "the volume" ? 0.25 : o === "the music" ? 0.12 : 0.05),
    );
    const dir = up ? "up" : "down";
    const pronoun = obj === "it" || obj === "this";
    const core =
      up && verb === "crank" && !pronoun && g.chance(0.15)
        ? `crank ${obj}`
        : pronoun || g.chance(0.4)
          ? `${verb} ${obj} ${dir}`
          : `${verb} ${dir} ${obj}`;
    const tail = amountWords(g, a, BIT_ADV_X, "{a lot|loads|a whole lot|by a lot}", () =>
      g.x(`{by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}|by ${g.n(a.n)} ${UNIT}}`),
    );
    return cmd(
      `${core} ${tail}`,
      [vol(up ? a.n : -a.n)],
      a.kind === "number" ? [a.n] : [],
      !/ (it|this) /.test(` ${core} `),
    );
  });

  F.add(VOL, "volume.step.this_that", { weight: 1.5 }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const obj = g.x("{this|that|this song|this track|the song|the podcast|this station|the news}");
    const dir = up ? "up" : "down";
    if (!up && g.chance(0.25)) {
      // "quiet it down" lowers the volume (a step), it does not mute
      const text = g.x("{quiet|quieten} {it|the music|the radio|this} down");
      return cmd(text, [vol(-D.volumeStep)], [], false);
    }
    const core = g.chance(0.6) ? `turn ${obj} ${dir}` : `turn ${dir} ${obj}`;
    const tail = amountWords(g, a, BIT_ADV_X, "{a lot|loads|by a lot}", () =>
      g.x(`{by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}}`),
    );
    return cmd(`${core} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : [], false);
  });

  F.add(VOL, "volume.step.more_less", { weight: 1.5 }, (g) => {
    const up = g.chance(0.55);
    const kind = g.rng.weighted(["none", "bit", "lot"] as const, (k) => (k === "none" ? 0.5 : k === "bit" ? 0.3 : 0.2));
    const n = kind === "none" ? D.volumeStep : kind === "bit" ? D.volumeBit : D.volumeLot;
    const more = up ? "more" : "less";
    const amt =
      kind === "none"
        ? ""
        : kind === "bit"
          ? g.x("{a bit|a little|a little bit|slightly|a touch}")
          : "{a lot|lots|way|much}";
    const cmp = up ? "louder" : g.x("{quieter|softer}");
    const music = g.x("{the music|the radio|it|this song|this}");
    if (g.chance(0.45)) {
      const noun = g.x("{volume|volume|sound}");
      return cmd(
        g.x(
          `{${amt} ${more} ${noun}|${g.x("{give me|I need|I want|we need}")} ${amt} ${more} ${noun}|${amt} ${more} ${noun} please|{can I|can we|could I|could we} {get|have} ${amt} ${more} ${noun}}`,
        ),
        [vol(up ? n : -n)],
        [],
        false,
      );
    }
    return stmt(g.x(`{I want|I'd like|I need|we want|we'd like} ${music} ${amt} ${cmp}`), [vol(up ? n : -n)]);
  });

  F.add(VOL, "volume.remark", { weight: 3 }, (g) => {
    const up = g.chance(0.55);
    const kind = g.rng.weighted(["none", "bit", "lot"] as const, (k) =>
      k === "none" ? 0.6 : k === "bit" ? 0.25 : 0.15,
    );
    const n = kind === "none" ? D.volumeStep : kind === "bit" ? D.volumeBit : D.volumeLot;
    const adv = kind === "none" ? "" : kind === "bit" ? g.x(BIT_ADV_X) : g.x("{a lot|loads|a whole lot}");
    const cmpAmt = kind === "none" ? "" : kind === "bit" ? g.x(BIT_CMP) : g.x(LOT_CMP);
    const core = up
      ? g.x(
          `{turn it up ${adv}|turn this up ${adv}|turn the music up ${adv}|turn up the radio ${adv}|volume up ${adv}|crank it up ${adv}|pump it up ${adv}|${cmpAmt} louder|${cmpAmt} louder please|make it ${cmpAmt} louder|turn the volume up ${adv}}`,
        )
      : g.x(
          `{turn it down ${adv}|turn this down ${adv}|turn the music down ${adv}|turn down the radio ${adv}|volume down ${adv}|bring it down ${adv}|${cmpAmt} quieter|${cmpAmt} quieter please|make it ${cmpAmt} quieter|turn the volume down ${adv}|${cmpAmt} softer please}`,
        );
    const remark = up
      ? g.x(
          "{I love this song|it's too quiet|the music is too quiet|I can't hear it|this is my jam|this is my favourite song|this is my favorite song|I love this one|this song is great|great song|this is a great song|this one's a banger|it's my song|I can't hear the words|I can barely hear it|the kids want to hear it|this is the best part|the road noise is terrible|I want to hear this|it's the news|I want to hear the news|it's the game|we can't hear it in the back|this is a classic}",
        )
      : g.x(
          "{I'm trying to concentrate|the baby's sleeping|the baby is asleep|the kids are asleep|I'm on the phone|I can't hear myself think|it's too loud|that's too loud|I've got a headache|my head hurts|we're trying to talk|I need to hear the directions|I can't hear the navigation|I'm trying to think|the neighbours can hear it|it's late|my ears hurt}",
        );
    const r = g.rng.next();
    if (r < 0.6) return cmd(`${core}, ${remark}`, [vol(up ? n : -n)], [], false);
    if (r < 0.9) return stmt(`${remark}, ${core}`, [vol(up ? n : -n)]);
    return stmt(`${remark} so ${core}`, [vol(up ? n : -n)]);
  });

  F.add(VOL, "volume.set.dial_knob", { weight: 1.5 }, (g) => {
    const knob = g.x("{the volume dial|the volume knob|the volume control|the volume slider|volume dial|volume knob}");
    if (g.chance(0.25)) {
      const up = g.chance(0.5);
      const k = g.x("{the volume knob|the volume control|the volume slider|volume knob}");
      return cmd(g.x(`{turn|move|push} ${k} ${up ? "up" : "down"}`), [vol(up ? D.volumeStep : -D.volumeStep)]);
    }
    const v = setN(g);
    const said = g.n(v);
    return cmd(
      g.x(
        `{{set|put} ${knob} {to|at|on} ${said}|{turn|move} ${knob} to ${said}|${knob} {to|at|on} ${said}|${knob} {to|at} ${said} please}`,
      ),
      [volSet(v)],
      [v],
    );
  });

  // Modal phrasings in training words: "it should be a bit louder", "this song could be
  // quieter", "can it come down a bit", "any chance the radio could go up". The held-out
  // .should_be/.could_go families keep their own noun+modal order ("the music should be",
  // "could the volume go"), which these never use.
  F.add(VOL, "volume.modal.be", { weight: 2 }, (g) => {
    const up = g.chance(0.5);
    const kind = g.rng.weighted(["none", "bit", "lot"] as const, (k) => (k === "none" ? 0.5 : k === "bit" ? 0.3 : 0.2));
    const n = kind === "none" ? D.volumeStep : kind === "bit" ? D.volumeBit : D.volumeLot;
    const amt = kind === "none" ? "" : kind === "bit" ? g.x(BIT_CMP) : g.x(LOT_CMP);
    const subj = g.x(
      "{it|this|that|this song|this track|the tunes|the stereo|the speakers|the podcast|the news|the song}",
    );
    const modal = g.x("{should|could|needs to|ought to|has to|must|could probably|might want to}");
    const adj = up ? "louder" : g.x("{quieter|softer}");
    const lead = g.x("{|I think|I feel like|maybe|honestly,|hmm,}");
    return stmt(`${lead} ${subj} ${modal} be ${amt} ${adj}`, [vol(up ? n : -n)]);
  });

  F.add(VOL, "volume.modal.go", { weight: 2 }, (g) => {
    const up = g.chance(0.5);
    const dir = up ? "up" : "down";
    const verb = up ? "go" : g.x("{go|come}");
    const k = g.int(0, 2);
    if (k === 0 && g.chance(0.35)) {
      const v = setN(g);
      return ask(
        `${g.x("{could|can}")} ${g.x("{it|this|the tunes|the stereo}")} ${verb} ${dir} to ${g.n(v)}`,
        [volSet(v)],
        [v],
      );
    }
    const a = volAmount(g);
    const tail = amountWords(g, a, BIT_ADV, "{a lot|by a lot}", () => g.x(`{by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}}`));
    const said = a.kind === "number" ? [a.n] : [];
    if (k === 2) {
      // "any chance the radio could come down a bit", "is it possible for the music to go up"
      const noun = g.x("{the music|the radio|the volume|the sound|this|it}");
      const text =
        noun === "it" || noun === "this" || g.chance(0.5)
          ? `any chance ${noun} could ${verb} ${dir} ${tail}`
          : `is it possible for ${noun} to ${verb} ${dir} ${tail}`;
      return ask(text, [vol(up ? a.n : -a.n)], said);
    }
    const subj = g.x("{it|this|that|the tunes|the stereo|this song|the speakers}");
    return ask(`${g.x("{could|can|would}")} ${subj} ${verb} ${dir} ${tail}`, [vol(up ? a.n : -a.n)], said);
  });

  // ---------------------------------------------------------------- held-out volume families
  // Novel: a rarer verb (amplify/soften) or a sentence structure ("the music should be
  // louder", "could the volume come down a bit") over nouns the model knows from training.
  F.add(VOL, "volume.held.amplify_soften", { held: true, weight: 1.2, heldWords: ["amplify", "soften"] }, (g) => {
    const up = g.chance(0.5);
    const a = volAmount(g);
    const core = up
      ? g.x("amplify {the music|the sound|the radio|the audio|the stereo|the speakers}")
      : g.x("soften {the music|the sound|the radio|the audio}");
    const tail = amountWords(g, a, BIT_ADV, "{a lot|loads}", () => g.x(`{by ${g.n(a.n)}|by ${g.n(a.n)} ${UNIT}}`));
    return cmd(`${core} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(
    VOL,
    "volume.held.should_be",
    { held: true, weight: 1, heldWords: [/\b(volume|music|radio|sound|audio) (should|needs to|ought to|has to) be\b/] },
    (g) => {
      const noun = g.x("{the volume|the music|the radio|the sound|the audio}");
      const modal = g.x("{should|needs to|ought to|has to}");
      if (g.chance(0.4)) {
        const v = setN(g);
        return stmt(`${noun} ${modal} be ${g.x("{at|on}")} ${g.n(v)}`, [volSet(v)], [v]);
      }
      const up = g.chance(0.5);
      const kind = g.rng.weighted(["none", "bit", "lot"] as const, (k) =>
        k === "none" ? 0.5 : k === "bit" ? 0.3 : 0.2,
      );
      const n = kind === "none" ? D.volumeStep : kind === "bit" ? D.volumeBit : D.volumeLot;
      const amt = kind === "none" ? "" : kind === "bit" ? g.x(BIT_CMP) : g.x(LOT_CMP);
      const adj = noun === "the volume" ? (up ? "higher" : "lower") : up ? "louder" : g.x("{quieter|softer}");
      return stmt(`${noun} ${modal} be ${amt} ${adj}`, [vol(up ? n : -n)]);
    },
  );

  F.add(
    VOL,
    "volume.held.could_go",
    { held: true, weight: 1, heldWords: [/\b(could|can|would) (the )?(volume|music|radio|sound|audio) (go|come)\b/] },
    (g) => {
      const noun = g.x("{the volume|the music|the radio|the sound|the audio}");
      const lead = g.x("{could|can}");
      const up = g.chance(0.5);
      const verb = up ? "go" : g.x("{go|come}");
      const dir = up ? "up" : "down";
      if (g.chance(0.3)) {
        const v = setN(g);
        return ask(`${lead} ${noun} ${verb} ${dir} to ${g.n(v)}`, [volSet(v)], [v]);
      }
      const a = volAmount(g);
      const tail = amountWords(g, a, BIT_ADV, "{a lot|by a lot}", () => g.x(`{by ${g.n(a.n)}|${g.n(a.n)} ${UNIT}}`));
      return ask(`${lead} ${noun} ${verb} ${dir} ${tail}`, [vol(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
    },
  );

  // ---------------------------------------------------------------- mute
  const MUTE_FOR = "{for a second|for a sec|for a moment|for a minute|for now|real quick|for a bit}";
  F.add(MUTE, "mute.on.verb", { weight: 3 }, (g) => {
    const text = g.x(
      "{mute|mute {the audio|the sound|the radio|the music|the speakers|the stereo|everything|the car audio|the volume|the sound system}|{hit|press} mute|mute please|mute it|put {the radio|the music|the audio|the sound|it} on mute|mute on|go on mute|{turn|switch} on mute|{turn|switch} mute on|enable mute|activate mute}",
    );
    return cmd(
      g.chance(0.2) ? `${text} ${g.x(MUTE_FOR)}` : text,
      [call(MUTE, { mute: true })],
      [],
      !/\bit\b/.test(text),
    );
  });
  F.add(MUTE, "mute.on.silence", { weight: 3 }, (g) => {
    const text = g.x(
      "{silence {the audio|the sound|the radio|the music|the speakers|the stereo}|kill the {sound|audio}|{turn|switch} {the sound|the audio} off|{sound|audio} off|cut the {sound|audio}|{shush|hush} {the radio|the music|the speakers|the audio|the stereo}|no sound please|kill the sound {for a second|for a sec|for a moment|for a minute|real quick}}",
    );
    return cmd(g.chance(0.15) && !/ for | quick/.test(text) ? `${text} ${g.x(MUTE_FOR)}` : text, [
      call(MUTE, { mute: true }),
    ]);
  });
  F.add(MUTE, "mute.on.reason", { weight: 1.5 }, (g) => {
    const reason = g.x(
      "{I'm taking a call|I'm on the phone|the baby's asleep|the baby's sleeping|I need to concentrate|I need to hear the navigation|I need to hear the directions|someone's calling|I'm about to make a call|the kids are sleeping|I can't think|we're talking|I have a headache|I need to listen to the engine}",
    );
    const core = g.x(
      "{mute {the radio|the music|the audio|it|the sound}|kill the sound|put it on mute|silence the radio|cut the audio|hit mute}",
    );
    const r = g.rng.next();
    if (r < 0.5) return stmt(g.x(`${reason}{,| so} ${core}`), [call(MUTE, { mute: true })]);
    return cmd(`${core}, ${reason}`, [call(MUTE, { mute: true })], [], false);
  });
  F.add(MUTE, "mute.off.unmute", { weight: 3.5 }, (g) => {
    const un = g.chance(0.2) ? "un mute" : "unmute";
    return cmd(
      g.x(
        `{${un}|${un} {the audio|the sound|the radio|the music|the speakers|the stereo|it|the volume}|{turn|switch} the {sound|audio} back on|{sound|audio} back on|take {it|the radio|the audio|the music|the sound} off mute|cancel mute|cancel the mute|mute off|{turn|switch} off mute|{turn|switch} mute off|disable mute|{sound|audio} on|bring the {sound|audio} back|bring back the {sound|audio}|stop muting {the radio|the audio|the music}|restore the {sound|audio}|put the {sound|audio} back on|{give me|I want} the sound back|no more mute|{sound|audio} back please}`,
      ),
      [call(MUTE, { mute: false })],
    );
  });
  F.add(MUTE, "mute.question", { weight: 1.2 }, (g) => {
    const on = g.chance(0.5);
    return ask(
      on
        ? g.x(
            "{can you|could you|would you} {mute {the radio|the music|the audio|it|the sound}|silence the {radio|music}|kill the sound|put it on mute|{shush|hush} the radio}",
          )
        : g.x(
            "{can you|could you|would you} {unmute {the radio|the audio|it|the music}|un mute {the radio|it}|turn the sound back on|take it off mute|bring the sound back|restore the audio}",
          ),
      [call(MUTE, { mute: on })],
    );
  });
  // Held out: "silent" as the mute word (a rarer synonym) and "lift the mute".
  F.add(MUTE, "mute.held.silent", { held: true, weight: 1, heldWords: ["silent", "lift the mute"] }, (g) => {
    const on = g.chance(0.6);
    return on
      ? cmd(
          g.x(
            "{put {the radio|the music|the speakers|the audio|the stereo} on silent|{switch|set} {the radio|the audio|the speakers} to silent|make {the radio|the music|the audio} silent}",
          ),
          [call(MUTE, { mute: true })],
        )
      : cmd(g.x("{take {the radio|the audio|the music} off silent|lift the mute{| on the {radio|audio|music}}}"), [
          call(MUTE, { mute: false }),
        ]);
  });
}
