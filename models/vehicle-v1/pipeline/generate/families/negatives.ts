/**
 * Irrelevant queries (irrelevant_function): other domains, chit-chat, car functions
 * outside the table, "turn everything off" (contract §3), and hard near-misses that
 * mention temperature, volume, windows, seats or fans without being a command.
 */
import { call, IRRELEVANT } from "../calls.js";
import type { G } from "../lexicon.js";
import { ask, cmd, type FamilyKind, type FamilySet, type HeldWord, stmt } from "./types.js";

const NONE = () => [call(IRRELEVANT)];

const CITIES = [
  "Paris",
  "London",
  "Berlin",
  "Madrid",
  "Rome",
  "Tokyo",
  "Chicago",
  "Boston",
  "Seattle",
  "Denver",
  "Austin",
  "Dallas",
  "Miami",
  "Atlanta",
  "Toronto",
  "Vancouver",
  "Sydney",
  "Melbourne",
  "Dublin",
  "Edinburgh",
  "Manchester",
  "Leeds",
  "Birmingham",
  "Glasgow",
  "Munich",
  "Hamburg",
  "Vienna",
  "Zurich",
  "Geneva",
  "Amsterdam",
  "Brussels",
  "Lisbon",
  "Barcelona",
  "Milan",
  "Prague",
  "Warsaw",
  "Stockholm",
  "Oslo",
  "Copenhagen",
  "Helsinki",
  "Phoenix",
  "Portland",
  "San Diego",
  "San Francisco",
  "Los Angeles",
  "New York",
  "Detroit",
  "Nashville",
  "Orlando",
  "Houston",
  "Montreal",
  "Calgary",
  "Auckland",
  "Cape Town",
  "Mumbai",
  "Delhi",
  "Singapore",
  "Seoul",
  "Osaka",
  "Dubai",
  "Bristol",
  "Cardiff",
  "Oxford",
  "Cambridge",
  "Brighton",
  "Liverpool",
  "Sheffield",
  "Newcastle",
  "Lyon",
  "Marseille",
  "Stuttgart",
  "Cologne",
];
const COUNTRIES = [
  "France",
  "Germany",
  "Spain",
  "Italy",
  "Japan",
  "Canada",
  "Australia",
  "Brazil",
  "Argentina",
  "Mexico",
  "Egypt",
  "Kenya",
  "India",
  "China",
  "Norway",
  "Sweden",
  "Finland",
  "Poland",
  "Portugal",
  "Greece",
  "Turkey",
  "Peru",
  "Chile",
  "Iceland",
  "Ireland",
  "Scotland",
  "Wales",
  "New Zealand",
  "South Africa",
  "Thailand",
  "Vietnam",
  "Indonesia",
  "Morocco",
  "Nigeria",
  "Ghana",
  "Austria",
  "Switzerland",
  "Belgium",
  "the Netherlands",
  "Denmark",
  "Hungary",
  "Croatia",
];
const NAMES = [
  "Mom",
  "Dad",
  "Sarah",
  "John",
  "Emma",
  "Michael",
  "Olivia",
  "David",
  "Sophie",
  "James",
  "Anna",
  "Chris",
  "Laura",
  "Tom",
  "Kate",
  "Alex",
  "Maria",
  "Daniel",
  "Rachel",
  "Mark",
  "Lucy",
  "Peter",
  "Hannah",
  "Ben",
  "Grandma",
  "Grandpa",
  "my wife",
  "my husband",
  "my boss",
  "the office",
  "the dentist",
  "the garage",
  "Jessica",
  "Ryan",
  "Megan",
  "Kevin",
  "Priya",
  "Ahmed",
  "Chen",
  "Lars",
  "Sven",
  "Ingrid",
  "Carlos",
  "Lucia",
  "Fatima",
  "Noah",
  "Liam",
  "Ava",
  "Mia",
];
const POIS = [
  "gas station",
  "petrol station",
  "charging station",
  "coffee shop",
  "pharmacy",
  "hospital",
  "supermarket",
  "parking garage",
  "car park",
  "restaurant",
  "pizza place",
  "ATM",
  "hotel",
  "car wash",
  "rest stop",
  "McDonald's",
  "Starbucks",
  "grocery store",
  "post office",
  "police station",
  "train station",
  "airport",
  "bakery",
  "gym",
  "hardware store",
  "bank",
  "mall",
  "library",
  "vet",
  "school",
  "park",
  "beach",
  "museum",
  "cinema",
  "bookshop",
];
const PLACES = [
  "home",
  "work",
  "the office",
  "the airport",
  "the station",
  "downtown",
  "the city centre",
  "my hotel",
  "the stadium",
  "the mall",
  "school",
  "the gym",
  "Grandma's house",
  "the beach",
  "the hospital",
  "the nearest Tesla supercharger",
  ...CITIES.slice(0, 30),
];
const ARTISTS = [
  "Taylor Swift",
  "the Beatles",
  "Queen",
  "Adele",
  "Drake",
  "Coldplay",
  "Beyoncé",
  "Ed Sheeran",
  "Metallica",
  "Miles Davis",
  "Bach",
  "Mozart",
  "Dua Lipa",
  "Bruno Mars",
  "Radiohead",
  "Fleetwood Mac",
  "ABBA",
  "Oasis",
  "Pink Floyd",
  "Billie Eilish",
  "Kendrick Lamar",
  "the Rolling Stones",
  "Led Zeppelin",
  "Elton John",
  "Daft Punk",
  "Eminem",
  "Rihanna",
  "Shakira",
  "Bob Marley",
  "Johnny Cash",
  "Dolly Parton",
  "Arctic Monkeys",
  "Harry Styles",
];
const SONGS = [
  "Bohemian Rhapsody",
  "Hey Jude",
  "Shake It Off",
  "Hotel California",
  "Yesterday",
  "Imagine",
  "Wonderwall",
  "Rolling in the Deep",
  "Blinding Lights",
  "Bad Guy",
  "Thriller",
  "Purple Rain",
  "Let It Be",
  "Dancing Queen",
  "Sweet Caroline",
  "Take On Me",
  "Africa",
  "Mr. Brightside",
  "Lose Yourself",
  "Jolene",
  "Hallelujah",
  "Halo",
];
const GENRES = [
  "jazz",
  "rock",
  "classical music",
  "country",
  "hip hop",
  "some blues",
  "lo-fi",
  "eighties music",
  "reggae",
  "metal",
  "something relaxing",
  "something upbeat",
  "the news",
  "a podcast",
  "an audiobook",
  "BBC Radio 2",
  "NPR",
  "my road trip playlist",
  "my workout playlist",
  "the radio",
  "some radio",
  "Spotify",
  "the top forty",
  "Christmas music",
  "kids' songs",
];
const TEAMS = [
  "the Lakers",
  "the Yankees",
  "Arsenal",
  "Manchester United",
  "Liverpool",
  "Real Madrid",
  "the Patriots",
  "the Cowboys",
  "Bayern",
  "the Warriors",
  "Chelsea",
  "Celtic",
  "the Red Sox",
  "the Packers",
  "Barcelona",
];
const FOODS = [
  "pizza",
  "sushi",
  "tacos",
  "a burger",
  "Thai food",
  "Indian food",
  "a salad",
  "fish and chips",
  "a coffee",
  "ice cream",
  "noodles",
  "a sandwich",
];
const THINGS = [
  "the Eiffel Tower",
  "Mount Everest",
  "the Empire State Building",
  "the Golden Gate Bridge",
  "Big Ben",
  "the Statue of Liberty",
  "the Burj Khalifa",
  "the Great Wall of China",
  "the Shard",
  "the CN Tower",
];
const WORDS = [
  "ephemeral",
  "serendipity",
  "ubiquitous",
  "quintessential",
  "gregarious",
  "pragmatic",
  "nostalgia",
  "resilience",
  "photosynthesis",
  "algorithm",
  "entropy",
  "metaphor",
];
const PEOPLE = [
  "Einstein",
  "Shakespeare",
  "Napoleon",
  "Cleopatra",
  "Leonardo da Vinci",
  "Marie Curie",
  "Abraham Lincoln",
  "Isaac Newton",
  "Nikola Tesla",
  "Frida Kahlo",
  "Mozart",
  "Gandhi",
  "Winston Churchill",
  "Ada Lovelace",
];
const WHEN = [
  "today",
  "tomorrow",
  "tonight",
  "this weekend",
  "on Saturday",
  "on Monday",
  "this afternoon",
  "later",
  "next week",
  "in the morning",
];
const MESSAGES = [
  "I'm running late",
  "I'll be there in ten minutes",
  "on my way",
  "can you pick up milk",
  "call me back",
  "running twenty minutes behind",
  "see you soon",
  "I'm stuck in traffic",
  "happy birthday",
  "dinner at seven?",
  "I'm outside",
  "don't forget the tickets",
];

const QUESTION_START =
  /^(what|what's|who|who's|how|how's|when|where|where's|why|is|are|do|does|did|can|could|will|would|should|any|have)\b/i;
/** Openings that are not an order ("my seat is comfortable", "hello", "I love this song"). */
const STATEMENT_START =
  /^(i|i'm|i've|i'd|my|it|it's|the|this|that|we|we're|you|you're|there|there's|what a|nice|look|traffic|hello|hi|hey|good|thanks|thank|cheers|ok|okay|yes|no|maybe|sorry|oops|hmm|wait|hold on|goodbye|see you|banana|purple|asdf|blah|la|um|speaking|global|window shopping|fans|fasten|buckle|someone|[a-z]+ says|let me|one second|well done|never mind|forget it|nothing|help|cancel|we've|they|he|she|our|lol|haha|cool|awesome|interesting|whatever|morning|afternoon|evening|not now|no need|everything's|big fan|what a|let's|if|honestly|to be fair|in summer|on a nicer day)\b/i;

function neg(
  F: FamilySet,
  id: string,
  kind: FamilyKind,
  weight: number,
  make: (g: G) => string,
  held = false,
  heldWords: HeldWord[] = [],
): void {
  F.add(
    IRRELEVANT,
    id,
    { weight, held, heldWords },
    (g) => {
      const text = make(g);
      if (QUESTION_START.test(text)) return ask(text, NONE());
      if (STATEMENT_START.test(text)) return stmt(text, NONE());
      return cmd(text, NONE(), [], false);
    },
    kind,
  );
}

const ROOMS = ["the living room", "the bedroom", "the kitchen", "the nursery", "the hallway", "the office at home"];
const HOME_AT = "{at home|in the house|back home|in the living room|in the bedroom|in the kitchen|upstairs|downstairs}";
const RELATIVES = [
  "my son",
  "my daughter",
  "my wife",
  "my husband",
  "my brother",
  "my sister",
  "my dad",
  "my mum",
  "my mom",
  "my kid",
];
/** Past participles of the verbs near.wish_judge puts after "I'd have". */
const PAST: Readonly<Record<string, string>> = {
  put: "put",
  turn: "turned",
  open: "opened",
  roll: "rolled",
  crank: "cranked",
  switch: "switched",
  recline: "reclined",
  close: "closed",
};
const PODCASTS = [
  "The Daily",
  "Serial",
  "the Joe Rogan podcast",
  "my history podcast",
  "This American Life",
  "Radiolab",
];
const STATIONS = ["Heart FM", "Capital FM", "Radio 1", "BBC Radio 4", "Classic FM", "KISS FM", "the jazz station"];

export function negativeFamilies(F: FamilySet): void {
  // ================================================================ other domains
  neg(F, "neg.chitchat", "negative", 3, (g) =>
    g.x(
      `{hello|hi there|hey|good morning|good evening|good afternoon|good night|morning|how are you|how are you doing today|how's it going|what's up|what's new|what's your name|who made you|who's your creator|are you a robot|are you listening|are you there|do you like me|I love you|you're the best|you're useless|you're so smart|thank you|thanks a lot|thanks for your help|cheers|nice job|well done|never mind|forget it|cancel|nothing|that's all|stop listening|go away|tell me a joke|tell me another joke|do you know any good jokes|tell me a story|tell me a fun fact|sing me a song|what can you do|help|what are you|are you alive|do you dream|what's the meaning of life|say something funny|talk to me|I'm bored|I'm tired|I'm hungry|I'm happy|I'm sad|I had a long day|I had a great day|what should I do today|what should I have for dinner|good job|sorry|oops|ok|okay|yes|no|maybe|hmm I don't know|let me think|wait|hold on|one second|goodbye|see you later|bye for now|how old are you|where are you from|what's your favourite colour|what's your favorite food|do you have feelings|can you hear me|testing testing|hello? is this thing on|lol|haha that's funny|cool|awesome|interesting|whatever|I was talking to my wife|not you, I was talking to ${g.pick(NAMES)}|sorry, I wasn't talking to you|how was your weekend|do you like ${g.pick(ARTISTS)}|what do you think of ${g.pick(TEAMS)}|are you smarter than Siri|do you know Alexa|can we be friends|what are you doing|I'm nervous about my interview|wish me luck|happy birthday to me|it's ${g.pick(NAMES)}'s birthday ${g.pick(WHEN)}}`,
    ),
  );
  neg(F, "neg.knowledge", "negative", 4, (g) =>
    g.x(
      `{what's the capital of ${g.pick(COUNTRIES)}|how tall is ${g.pick(THINGS)}|how far is the moon|who wrote {Hamlet|Pride and Prejudice|1984|the Odyssey|Harry Potter}|when was ${g.pick(PEOPLE)} born|who was ${g.pick(PEOPLE)}|what's ${g.int(2, 99)} {plus|times|minus|divided by} ${g.int(2, 99)}|what's the square root of ${g.int(2, 400)}|how many {ounces in a pound|feet in a mile|days in a leap year|people live in ${g.pick(CITIES)}|continents are there|bones are in the human body|planets are there|countries are in Europe}|what time is it|what's the date today|what day is it|how do you spell ${g.pick(WORDS)}|define ${g.pick(WORDS)}|what does ${g.pick(WORDS)} mean|how do you say {hello|window|seat|car|music|thank you|left|right} in {French|Spanish|German|Italian|Japanese}|convert ${g.int(2, 500)} miles to kilometers|convert ${g.int(2, 500)} kilometres to miles|what's the population of ${g.pick(COUNTRIES)}|what language do they speak in ${g.pick(COUNTRIES)}|what time is it in ${g.pick(CITIES)}|who is the president of ${g.pick(COUNTRIES)}|who is the prime minister of ${g.pick(COUNTRIES)}|why is the sky blue|how does a rainbow form|how do planes fly|what's the speed of light|how many calories are in ${g.pick(FOODS)}|who won the {world cup|super bowl|election|game last night}|what's the score of the ${g.pick(TEAMS)} game|did ${g.pick(TEAMS)} win|when do ${g.pick(TEAMS)} play next|what's the stock price of {Apple|Tesla|Google|Amazon}|what's the exchange rate for {euros|dollars|pounds|yen}|translate {hello|thank you|good morning} into {French|Spanish|German|Japanese}|what's the tallest mountain in ${g.pick(COUNTRIES)}|how long is the {Nile|Amazon|Thames|Danube}|who painted the Mona Lisa|when did the second world war end|what's the biggest animal in the world|how old is the universe|what's the largest country in the world|how deep is the ocean|who discovered penicillin|what's the chemical symbol for gold|how many legs does a spider have}`,
    ),
  );
  neg(F, "neg.navigation", "negative", 5, (g) =>
    g.x(
      `{navigate to ${g.pick(PLACES)}|take me {to ${g.pick(PLACES)}|home|to work}|directions to ${g.pick(PLACES)}|get me to ${g.pick(PLACES)}|route me to ${g.pick(PLACES)}|drive me to ${g.pick(PLACES)}|guide me to ${g.pick(PLACES)}|show me the way to ${g.pick(PLACES)}|head to ${g.pick(PLACES)}|let's go to ${g.pick(PLACES)}|I need to get to ${g.pick(PLACES)}|how do I get to ${g.pick(PLACES)}|what's the fastest way to ${g.pick(PLACES)}|find me a route to ${g.pick(PLACES)}|how far is ${g.pick(PLACES)}|how long to ${g.pick(PLACES)}|how far to the next ${g.pick(POIS)}|find the nearest ${g.pick(POIS)}|where's the closest ${g.pick(POIS)}|find a ${g.pick(POIS)} {nearby|near me|on the way|along the route}|is there a ${g.pick(POIS)} {nearby|on the way|near ${g.pick(PLACES)}}|avoid {tolls|motorways|highways|ferries|the traffic}|reroute {around the traffic|please}|is there a quicker route|are there any road closures {ahead|on my route}|what's my ETA|when will we arrive|how long until we get there|how much longer until we arrive|add a stop at {a|the} ${g.pick(POIS)}|show {the traffic|me the map|the route}|cancel {the route|navigation}|how's the traffic {on the way to ${g.pick(PLACES)}|ahead|on the way home}|is there traffic on the {M25|I-95|ring road|highway|motorway}|zoom in on the map|zoom out on the map|where am I|what road is this|go via ${g.pick(CITIES)}|start navigation|share my ETA with ${g.pick(NAMES)}|take the scenic route|find parking near ${g.pick(PLACES)}|where can I park|find a parking spot|what's the speed limit here|when's my next turn|which lane should I be in|which exit do I take|how many miles to ${g.pick(PLACES)}|set {home|work} as my destination|save this location}`,
    ),
  );
  neg(F, "neg.calls_messages", "negative", 5, (g) =>
    g.x(
      `{call ${g.pick(NAMES)}|phone ${g.pick(NAMES)}|ring ${g.pick(NAMES)}|give ${g.pick(NAMES)} a {ring|call|bell}|call ${g.pick(NAMES)} on {mobile|their cell|speaker}|call ${g.pick(NAMES)} back|video call ${g.pick(NAMES)}|FaceTime ${g.pick(NAMES)}|get ${g.pick(NAMES)} on the phone|dial ${g.int(100, 999)} ${g.int(100, 999)} ${g.int(1000, 9999)}|answer the {call|phone}|pick up the call|hang up|end the call|decline the call|reject the call|redial|call back the last number|text ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|shoot ${g.pick(NAMES)} a {text|message} {saying|that} ${g.pick(MESSAGES)}|send a {message|text} to ${g.pick(NAMES)} saying ${g.pick(MESSAGES)}|message ${g.pick(NAMES)} ${g.pick(MESSAGES)}|WhatsApp ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|ping ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|buzz ${g.pick(NAMES)}|read my {messages|texts|emails}|read me my last {text|message|email}|read that again|reply {${g.pick(MESSAGES)}|ok}|email ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|any new messages|who just texted me|who called me|did I miss any calls|did ${g.pick(NAMES)} call|send my location to ${g.pick(NAMES)}|check my voicemail|start a conference call|put ${g.pick(NAMES)} on hold|add ${g.pick(NAMES)} to the call|put the call on speaker|what's ${g.pick(NAMES)}'s number|send it|cancel the message}`,
    ),
  );
  neg(F, "neg.media", "negative", 5, (g) =>
    g.x(
      `{play ${g.pick(SONGS)}|play some {jazz|rock|country|blues|reggae|pop|classical|hip hop|eighties music|nineties hits|Christmas songs}|play ${g.pick(SONGS)} by ${g.pick(ARTISTS)}|play {some |}${g.pick(ARTISTS)}|play ${g.pick(GENRES)}|play music|play some music|can you play ${g.pick(SONGS)}|put on ${g.pick(GENRES)}|put on some ${g.pick(ARTISTS)}|put ${g.pick(ARTISTS)} on|queue up ${g.pick(SONGS)}|queue up {some |}${g.pick(ARTISTS)}|throw on {some |}${g.pick(ARTISTS)}|throw on ${g.pick(GENRES)}|stick on {some |}${g.pick(ARTISTS)}|stick ${g.pick(GENRES)} on|I'd like to hear {some |}${g.pick(ARTISTS)}|I'd like to hear ${g.pick(SONGS)}|can we listen to {some |}${g.pick(ARTISTS)}|let's listen to ${g.pick(GENRES)}|I want to listen to ${g.pick(ARTISTS)}|next {song|track}|play the next {song|track}|skip|skip it|skip {this song|this track|this one|ahead|the ad|this episode}|go to the next {song|track}|next one please|previous {song|track}|play the previous {song|track}|go back a song|change the song|play something else|different song please|I don't like this song, skip it|shuffle {my playlist|my music|the album}|turn on shuffle|repeat this song|play it again|start the song over|play it from the beginning|what song is this|who sings this|who's the artist|what album is this from|like this song|thumbs {up|down} this song|add this to my playlist|save this song|play my liked songs|play more like this|switch to {bluetooth|the radio|FM|AM|DAB|USB|Spotify|Apple Music|the aux input|CarPlay|Android Auto}|tune to ${g.int(88, 107)}.${g.int(1, 9)} {FM|}|change the station|change the station to ${g.pick(STATIONS)}|put on ${g.pick(STATIONS)}|find ${g.pick(STATIONS)}|next station|play the next episode|play the latest episode of ${g.pick(PODCASTS)}|resume {the podcast|my audiobook}|fast forward {thirty seconds|a bit}|rewind {ten seconds|a bit}|play something by ${g.pick(ARTISTS)}|play something for the kids|play the soundtrack from {Frozen|Star Wars|Top Gun|The Lion King}|find a {podcast|radio station} about {cars|history|science|football}|play the album {Abbey Road|Thriller|Rumours|25|Nevermind}}`,
    ),
  );
  neg(F, "neg.weather", "negative", 2.5, (g) =>
    g.x(
      `{what's the weather {like |}{${g.pick(WHEN)}|in ${g.pick(CITIES)}|${g.pick(WHEN)} in ${g.pick(CITIES)}}|will it rain ${g.pick(WHEN)}|is it going to {snow|rain|be sunny|be windy|be foggy} {${g.pick(WHEN)}|in ${g.pick(CITIES)}}|what's the forecast {for ${g.pick(WHEN)}|in ${g.pick(CITIES)}|}|what's the chance of rain ${g.pick(WHEN)}|do I need an umbrella {${g.pick(WHEN)}|}|do I need a coat ${g.pick(WHEN)}|is there a storm coming|when is sunset|what time is sunrise ${g.pick(WHEN)}|how windy is it {outside|in ${g.pick(CITIES)}}|any weather warnings {on my route|for ${g.pick(CITIES)}}|is it icy on the roads|are the roads icy|how much snow are we getting|what's the high ${g.pick(WHEN)}|what's the low tonight|is there a heatwave coming|what's the UV index ${g.pick(WHEN)}|what's the air quality {like |}in ${g.pick(CITIES)}}`,
    ),
  );
  neg(F, "neg.errands", "negative", 2.5, (g) =>
    g.x(
      `{remind me to {call ${g.pick(NAMES)}|buy milk|pick up the kids|book a dentist appointment|pay the bills} {${g.pick(WHEN)}|at ${g.int(1, 12)} {am|pm}|}|set a timer for ${g.int(2, 59)} minutes|set an alarm for ${g.int(5, 11)} {am|thirty}|what's on my calendar {${g.pick(WHEN)}|}|what's my schedule ${g.pick(WHEN)}|cancel my {meeting|appointment} ${g.pick(WHEN)}|add {eggs|bread|milk|coffee} to my shopping list|what's on my to do list|book a table for ${g.int(2, 8)} at {an Italian place|${g.pick(FOODS)} place|seven}|order ${g.pick(FOODS)}|find a recipe for ${g.pick(FOODS)}|what's the news|read me the headlines|open {Spotify|Google Maps|Waze|WhatsApp|the calendar app}|take a note|schedule a meeting with ${g.pick(NAMES)} ${g.pick(WHEN)}|when is my next meeting|turn on do not disturb|how much did I spend on fuel this month|check my bank balance|pay for parking|book a taxi|find me a hotel in ${g.pick(CITIES)}}`,
    ),
  );
  neg(F, "neg.nonsense", "negative", 1.5, (g) =>
    g.x(
      `{banana phone|purple monkey|asdf|blah blah blah|la la la|the quick brown fox jumps over the lazy dog|um yeah so anyway|I was just thinking|my cat is called ${g.pick(NAMES)}|${g.pick(NAMES)} says hi|it was a good day|we're going to ${g.pick(PLACES)} ${g.pick(WHEN)}|the kids are asleep|${g.pick(NAMES)} is coming over ${g.pick(WHEN)}|I need coffee|let's get ${g.pick(FOODS)}|what a game|traffic is terrible today|I hate Mondays|look at that sunset|nice car over there|did you see that|I forgot my wallet|I think we're lost|are we there yet|how much longer|the kids are fighting again|that guy just cut me off|what an idiot|we're almost there|I need the bathroom|the dog needs a walk|we've been driving for hours}`,
    ),
  );

  // ================================================================ smart home (not the car)
  neg(F, "neg.smart_home", "negative", 2.5, (g) => {
    const t = g.chance(0.7) ? g.int(60, 78) : g.int(17, 25);
    const deg = g.x(`{${g.n(t)}|${g.n(t)} degrees}`);
    return g.x(
      `{set the thermostat ${HOME_AT} to ${deg}|set the {home|house} thermostat to ${deg}|{turn|put} the {heating|heat} ${HOME_AT} {up|down|on|off}|{turn|switch} {on|off} the {heating|AC|air conditioning|ceiling fan|lights|porch light|sprinklers|TV|kettle|coffee machine|hot tub} ${HOME_AT}|make ${g.pick(ROOMS)} {warmer|cooler}|set ${g.pick(ROOMS)} to ${deg}|is the {heating|AC} on ${HOME_AT}|what's the temperature {at home|in the house|in ${g.pick(ROOMS)}}|{lock|unlock} the front door {at home|}|is the front door {at home |}locked|did I lock the front door|{open|close} the garage door|arm the {house|home} alarm|disarm the {house|home} alarm|{start|stop} the {dishwasher|washing machine|robot hoover|tumble dryer}|{open|close} the {blinds|curtains} ${HOME_AT}|dim the lights in ${g.pick(ROOMS)}|set the lights in ${g.pick(ROOMS)} to ${g.int(1, 9) * 10} percent|turn the house lights on|is anyone at home|show me the {doorbell|front door} camera|who's at the door|close the windows {at home|in the house|upstairs}|are the windows {at home|in the house} closed}`,
    );
  });

  // ================================================================ car functions outside the table
  neg(F, "neg.car.lights_wipers", "negative", 3, (g) =>
    g.x(
      `{{turn|switch} {on|off} the {headlights|lights|high beams|low beams|fog lights|rear fog light|hazard lights|hazards|interior light|reading light|dome light|ambient lighting|parking lights|daytime running lights|map light}|{headlights|high beams|fog lights|hazards|interior lights|lights} {on|off}|flash the {headlights|high beams|lights}|dim the {dashboard|dash lights|screen|display}|{make|set} the ambient lighting {blue|red|green|purple|warmer|brighter}|{turn|switch} {on|off} the {wipers|windscreen wipers|windshield wipers|rear wiper}|wipers {on|off|faster|slower|on auto}|{speed up|slow down} the wipers|spray the {windscreen|windshield}|wash the {windshield|windscreen}|clean the {windshield|windscreen}|brighter screen please|{turn|switch} on the {indicator|turn signal|blinker|left indicator|right indicator}|turn on night mode|{dark|night} mode on|make the screen brighter|turn on the puddle lights}`,
    ),
  );
  neg(F, "neg.car.doors_trunk", "negative", 3, (g) =>
    g.x(
      `{{open|close|unlock|lock} the {doors|door|driver door|passenger door|car|tailgate|trunk|boot|frunk|hood|bonnet|glovebox|glove box|fuel flap|fuel door|gas cap|charge port|charging port|liftgate}|{lock|unlock} {the car|all the doors|everything}|pop the {trunk|boot|hood|bonnet}|is the {trunk|boot} open|fold in the {mirrors|side mirrors|wing mirrors}|unfold the {mirrors|side mirrors|wing mirrors}|fold down the rear seats|put the rear seats down|adjust the {mirror|mirrors|rear view mirror|side mirror}|{tilt|move} the {mirror|side mirror} {down|up|left|right}|{heated mirrors|mirror heating} {on|off}|{turn|switch} on the {heated mirrors|mirror heater}|lower the {tailgate|trunk lid}|close the {garage|gate}|open the {garage|gate}|open the car|open up the car|unlock the boot|lock the car when I get out|did I lock the car|are the doors locked}`,
    ),
  );
  neg(F, "neg.car.drive", "negative", 3, (g) =>
    g.x(
      `{{set|put} cruise control {to|at} ${g.int(25, 80)}|cruise control {on|off}|{turn|switch} {on|off} {cruise control|adaptive cruise|lane assist|lane keeping|the lane departure warning|traction control|parking sensors|the dash cam|auto hold|start stop|the parking brake|hill descent control|blind spot monitoring}|{increase|decrease} {cruise|the cruise speed} by ${g.int(1, 10)}|set the speed limiter to ${g.int(30, 80)}|{honk|beep} the horn|honk|{start|stop|turn off|turn on} the engine|turn the car {off|on}|switch off the car|{switch to|put it in|set the drive mode to} {sport|eco|comfort|snow|normal} mode|put it in park|{engage|release} the {handbrake|parking brake}|park the car|park for me|what's my {range|battery level|fuel level|tire pressure|tyre pressure|mileage|oil level}|how much {fuel|gas|petrol|charge|battery} do I have {left|}|how much range do I have left|find a charging station|when is my next service|check the tire pressure|is there a warning light|what does the orange light mean|show the {backup|reverse|360} camera|{turn|switch} on the {massage|seat massage|lumbar support}|massage {on|off}|{more|less} lumbar support|{raise|lower} the {headrest|head rest}|{save|recall} seat {memory|position} {one|two|1|2}|{move|tilt|adjust} the steering wheel {up|down|in|out|closer}|{raise|lower} the steering {wheel|column}|{turn|switch} on the {wireless charger|phone charger}|start charging|stop charging|set the charge limit to ${g.int(5, 10) * 10} percent}`,
    ),
  );
  neg(F, "neg.global_off", "negative", 1.5, (g) =>
    g.x(
      "{turn everything off|{switch|turn|shut} it all off|shut everything down|switch everything off|turn off everything|everything off|turn it all on|{switch|turn} everything on|open everything|close everything|reset everything|reset all the settings|factory reset|go back to the defaults|shut it all down|power everything down}",
    ),
  );

  // ================================================================ near-misses (mention a function, not a command)
  neg(F, "near.temperature", "near_miss", 3.5, (g) => {
    const t = g.chance(0.6) ? g.int(60, 80) : g.int(16, 27);
    return g.x(
      `{what's the temperature {outside|out there|in ${g.pick(CITIES)}|${g.pick(WHEN)}}|what's the temperature going to be ${g.pick(WHEN)}|what was the temperature yesterday|how {hot|cold|warm} is it {outside|in ${g.pick(CITIES)}|${g.pick(WHEN)}}|is it {cold|hot|warm|freezing} {outside|out|in ${g.pick(CITIES)}}|what temperature is it in here|what's the temperature {set to|in the car|in the back}|what's ${g.int(60, 80)} fahrenheit in celsius|what's ${g.int(16, 27)} celsius in fahrenheit|is ${g.n(t)} degrees too {warm|hot|cold} for {a baby|a newborn|the baby|a toddler|the dog|sleeping}|is ${g.n(t)} degrees {warm|cold|hot} {for a baby|for a dog|for sleeping}|what temperature should {a baby's room|a nursery|the baby's bath|a bedroom} be|what's a normal body temperature|is ${g.int(99, 104)} a fever|{my son|my daughter|the baby} has a temperature|what temperature does water freeze at|how hot is the sun|how warm is the sea in ${g.pick(COUNTRIES)}|how cold does it get in ${g.pick(CITIES)}|what temperature should I cook {chicken|pork|a steak} to|what's the boiling point of water|the temperature is {fine|perfect|just right}|my coffee is too hot|the soup was too cold|it was freezing {yesterday|last night|this morning}|it's going to be hot ${g.pick(WHEN)}|is the heater working|is the heating on|does this car have {climate control|heated seats|a heated steering wheel|seat ventilation}|why is the AC making a noise|is the AC {on|working}|when was the AC last serviced|how does air conditioning work|who invented air conditioning|the AC smells weird|my engine temperature is high|what's the engine temperature|is the car overheating|keep the temperature like this|the climate is fine|I love this weather|global warming is scary}`,
    );
  });
  neg(F, "near.volume", "near_miss", 3.5, (g) =>
    g.x(
      `{how loud is a jet engine|how loud is too loud|how loud is too loud for {kids' ears|a baby|my ears|children}|is loud music bad for your {ears|hearing}|how many decibels {damages hearing|is safe|is too loud}|is it illegal to play loud music in the car|what's the volume of a {sphere|cube|cylinder}|how do you calculate the volume of a {cone|box|cylinder}|how many decibels is a {rock concert|lawnmower|whisper}|what's the volume set to|is the volume up|what volume is it on|the volume is {fine|perfect|good}|the music is {nice|great|perfect}|I love this song|I remember this song|this song reminds me of ${g.pick(NAMES)}|${g.pick(RELATIVES)} loves this song|what a tune|this song is {great|terrible|so good|so catchy}|who sings this|the radio is {fine|good}|the music is fine where it is|leave the volume as it is|don't turn it up|don't turn it down|don't change the volume|don't mute it|keep the music on|the {neighbours|kids|dogs} are loud|the neighbours complained about the noise|${g.pick(RELATIVES)} plays music too loud|my {phone|headphones} volume is low|why is my phone so quiet|the engine is loud|why is the car so noisy|the road noise is bad on this stretch|is the audio system any good|how many speakers does this car have|the sound quality is amazing|speaking of volume, how was your day|read me volume ${g.int(1, 7)} of {the encyclopedia|Harry Potter}|did ${g.pick(NAMES)} turn up|${g.pick(NAMES)} didn't turn up|who turned up at the party|should I turn down the job|they turned down my offer|turn up for what|I'm not a fan of this song}`,
    ),
  );
  neg(F, "near.windows", "near_miss", 3, (g) =>
    g.x(
      `{is the window open|are the windows {open|closed|up|down}|did I leave the windows open {back home|}|is the sunroof open|is the {back|rear} window {open|closed}|the window is {dirty|foggy in the photo|streaky}|the windshield is cracked|there's a crack in the {windshield|windscreen|window}|is it safe to drive with a cracked windshield|who makes the windows for this car|how much does a sunroof cost|how much does a new sunroof cost|does this car have a sunroof|the sunroof is leaking|my {window|sunroof} makes a weird noise|the window is stuck, {who should I call|what do I do}|open a new browser window|close the window on my laptop|close all the tabs on my laptop|I love the panoramic roof|the view from the window is amazing|look out the window|what's that building out the window|don't open the window|leave the windows as they are|keep the windows closed|no, leave the window|the kids keep opening the windows|someone opened the sunroof|I opened the window earlier|window shopping is fun|what's a window of opportunity|how do I clean the inside of the windshield|the wipers missed a spot on the windshield|how do you say window in {French|German|Spanish}|the shade in the garden is nice|it's nice in the shade}`,
    ),
  );
  neg(F, "near.seats", "near_miss", 3, (g) =>
    g.x(
      `{my seat is comfortable|this seat is so comfy|how many seats does this car have|save me a seat|is the passenger seat empty|the seats are leather|I left my {bag|phone|jacket|wallet} on the {back seat|passenger seat|rear seat}|book {a seat|two seats} {at the theatre|on the train|for the concert}|who's sitting in the back|are the seats heated|are the heated seats on|is the seat heater working|the seat belt is stuck|fasten your seat belt|buckle up|the car seat for the baby is loose|do the rear seats fold down|my back hurts|my back has been sore all week|I have a doctor's appointment for my back|I'm tired of sitting|the seat fabric is stained|what's a backseat driver|take a seat|the dog is in the back seat|how far back does the seat go|does the seat have memory|my steering wheel is sticky|the steering feels loose}`,
    ),
  );
  neg(F, "near.fans_air", "near_miss", 2.5, (g) =>
    g.x(
      `{I'm a {big|huge|massive} fan of {${g.pick(TEAMS)}|${g.pick(ARTISTS)}}|${g.pick(RELATIVES)} is a {big |huge |}fan of {${g.pick(TEAMS)}|${g.pick(ARTISTS)}}|we're {big |}fans of ${g.pick(TEAMS)}|big fan of your work|I'm not a fan of ${g.pick(ARTISTS)}|are you a fan of {${g.pick(ARTISTS)}|${g.pick(TEAMS)}}|are you a ${g.pick(TEAMS)} fan|how many fans does ${g.pick(TEAMS)} have|the fans were loud at the game|the fans went wild|is the fan broken|the fan is making a weird noise|the ceiling fan at home is broken|fans of ${g.pick(ARTISTS)} are crazy|what's the air quality {today|in ${g.pick(CITIES)}}|check the tire air pressure|where can I get air for the tires|the air freshener smells nice|I need a new air freshener|is the air filter dirty|when should I change the cabin air filter|the defroster is broken|my hands are full|my feet hurt|I'm feeling under the weather|I need to stretch my legs|the kids are too quiet|it's quiet out here|it's dark out|it's bright outside, where are my sunglasses|the sun is setting|{flip|pull} down the sun visor|the sun visor is broken|the fan club meets on ${g.pick(["Monday", "Friday", "Saturday"])}}`,
    ),
  );
  // Devices and cars other than this one: a fan, heated seats or volume that is not ours.
  neg(F, "near.elsewhere", "near_miss", 1.5, (g) =>
    g.x(
      `{the fan {in|on} my {laptop|computer|PC|gaming console} is {really |so |}{loud|noisy}|my {laptop|computer}'s fan {keeps spinning up|won't stop|is so loud}|the {AC|air conditioning|heating} {at the office|at work|at home|in my flat|in the hotel} is {broken|too cold|too strong|always on}|{my|our} {old|last|previous} car had {heated seats|a sunroof|ventilated seats|a heated steering wheel|automatic climate|a great sound system} too|{my|our} {old|last|previous} car {didn't have|never had} {heated seats|a sunroof|seat ventilation|rear climate}|{my neighbour's|my boss's|my sister's} car has {heated seats|a panoramic sunroof|cooled seats|four-zone climate}|the volume on my {phone|tv|headphones} {is broken|is too low|keeps changing}|the windows at home {won't close|are drafty|need cleaning}|the thermostat at home is set to ${g.int(60, 78)}|the hotel room was {freezing|boiling} last night|the {bus|train|plane} was {freezing|so hot|really loud}}`,
    ),
  );
  // The car's upkeep, how-to questions and lists that name a function's parts without
  // asking for it: "the AC needs a recharge", "explain what recirculation does", "add a
  // window scraper to my shopping list".
  neg(F, "near.upkeep", "near_miss", 2, (g) =>
    g.x(
      `{I think the {AC|air conditioning|aircon} needs {a recharge|regassing|a service|new refrigerant}|the {AC|air con} {smells funny|smells musty|is blowing warm air|is making a clicking noise}|the {driver's|passenger|rear left|rear right} window {is making a grinding noise|gets stuck halfway|is slow to close|rattles at speed}|the {seat heater|heated seat|heated steering wheel|seat fan} {stopped working|only works sometimes|is broken again|needs fixing}|the {fan|blower} {is rattling|makes a whining noise|only works on max|squeaks}|the sunroof {is rattling|needs a new motor|drips when it rains}|book {the car|it} in to get the {AC|window motor|sunroof|seat heater} {fixed|looked at|checked}|{I need to|remind me to|I should} get the {AC|window|sunroof|blower motor|seat heater} {fixed|checked|looked at} {next week|this weekend|soon|}|how much does it cost to {recharge the AC|fix a window motor|replace a sunroof motor|repair a seat heater}|explain what {recirculation mode|auto climate|the child lock|the defroster|seat ventilation} does|tell me {about|how to use} the {sunshade|recirculation|seat ventilation|auto climate|child lock}|what's the best way to {defrost|demist|clear} a {windshield|windscreen} {without a scraper|quickly|in the morning}|what's the best way to cool down a hot car|how do I {stop|keep} the windows {from fogging up|fogging up|from steaming up}|add {a window scraper|de-icer|sunscreen|a sunshade|a seat cushion|an air freshener} {and {a new phone charger|windscreen wash|some snacks} |}to my shopping list|{buy|order|get} {a sunshade|a windshield cover|seat covers|a seat cushion|de-icer} {for the car|online|}|remind me to buy {de-icer|a window scraper|a sunshade for the car}|note that the {passenger window|fan|seat heater|sunroof} {is acting up|needs checking}}`,
    ),
  );
  neg(F, "near.questions", "near_miss", 2, (g) =>
    g.x(
      `{what does the {recirculation|auto climate|defroster|child lock|sunshade} button do|how does the {defroster|child lock|seat ventilation|heated steering wheel} work|what's the difference between AC and climate control|why does the windshield fog up|is it bad to use recirculation all the time|what's the best temperature for sleeping|what's the ideal car temperature|what should the fan speed be|is it better to open the windows or use the AC|how much fuel does the AC use|can the seat heater drain the battery|what's the maximum fan speed|what's the highest volume|how far can the seat go back|what's the lowest temperature I can set|how do I turn the volume up on my phone|how do I use the child lock}`,
    ),
  );
  neg(F, "near.status", "near_miss", 2, (g) =>
    g.x(
      "{is the {child lock|seat heater|seat heating|heated seat|seat ventilation|recirculation|defroster|rear defroster|heated steering wheel|sunshade|auto climate|air conditioning|mute} {on|off|open|closed|working}|is the {radio|music|audio} {muted|on mute}|what's the {fan speed|volume|temperature|seat heating level} {set to|at|right now}|how loud is it right now|is the volume at max|what level is the {seat heating|fan|seat ventilation} on|are the windows {open|closed|up|down}|are all the windows closed|is the sunroof {tilted|open|closed}|how far open is the {window|sunroof}|which seat heaters are on|did the {defroster|AC|recirculation} turn off|is my window all the way up|how warm is the {back|passenger side}}",
    ),
  );
  neg(F, "near.negation_reminders", "near_miss", 2.5, (g) =>
    g.x(
      `{don't {open|close} the {window|windows|sunroof|sunshade}|don't touch the {temperature|volume|windows|seat|fan}|don't change the {temperature|fan speed|seat}|no need to {open the window|turn it up|change anything|mute it}|leave the {music|temperature|fan|seat|sunroof|sunshade} {alone|as it is}|never mind the {windows|AC|music|seat}|forget about the {AC|windows|heating|volume}|I didn't ask you to {open the window|turn it up|change the temperature|move my seat}|not now|no, don't do that|remind me to {close the windows|turn off the seat heater|check the tire pressure|lock the car} {when I get home|later|tomorrow|when we park}|remember to close the sunroof {when we park|later|before it rains}|I'll {open the window|turn it up|change it} myself|I'll do it myself|it's fine as it is|everything's fine|it's perfect as it is|${g.pick(RELATIVES)} says the music is fine|${g.pick(RELATIVES)} always turns the music up|${g.pick(RELATIVES)} hates when I open the window|I usually keep it at ${g.int(65, 75)} at home}`,
    ),
  );

  // Past-tense reports of what someone did to the car are not commands ("the valet left the
  // sunroof open at the hotel", "we kept the windows down the whole trip"). Subjects and
  // verbs differ from the held-out near.held.narration (my wife/son/... turned/opened/...).
  neg(F, "near.narration", "near_miss", 1.5, (g) => {
    const when = g.x(
      "{a minute ago|earlier today|at the petrol station|at the gas station|last week|when we stopped|while I was out|while I was paying|while I was in the shop|on the drive over|at the weekend|on Sunday|the other day|during the service|when they cleaned it|before lunch|when I lent them the car||}",
    );
    const tail = g.x(
      "{|||, no idea why|, apparently|, I think|, for some reason|, which was weird|, just so you know}",
    );
    if (g.chance(0.3)) {
      // first person: "I had the heat on all morning"
      const did = g.x(
        `{I had the heat on|I kept the AC on|I left the seat heater on|I had the windows down|I had the music really loud|I ran the fan on max|I had the sunroof open|I had the temperature on ${g.int(17, 27)}|I kept the recirculation on|I had the defroster going|we kept the windows down|we had the sunroof open|we had the music up loud|we left the AC running|we had the heat blasting|we drove with the windows open|I was driving with the window cracked|I was sitting with the seat heater on|I used to keep the temperature at ${g.int(65, 75)}|I always had the volume at ${g.int(10, 30)} in my old car}`,
      );
      const span = g.x(
        `{all morning|the whole way|all day yesterday|the entire trip|for hours last night|on the way to work|the whole drive|all the way to ${g.pick(CITIES)}|on the motorway|last summer|on the way back}`,
      );
      return `${did} ${did.startsWith("I used") || did.startsWith("I always") ? "" : span}${tail}`;
    }
    const who = g.x(
      "{the valet|the mechanic|the previous driver|the last driver|the guy at the car wash|the rental guy|the dealer|someone|my colleague|my girlfriend|my boyfriend|my partner|my roommate|my flatmate|my grandma|my grandad|my uncle|my aunt|my cousin|my mother-in-law|my boss|our neighbour|our babysitter|the nanny|he|she|they}",
    );
    const did = g.x(
      `{put the heat on|put the AC on full|put the seat heater on|put the radio on|set the temperature to ${g.int(16, 28)}|set the fan to ${g.int(1, 7)}|set the volume to ${g.int(5, 40)}|cranked the music|cranked the heat up|cranked up the AC|lowered the windows|lowered the volume|raised the temperature|raised all the windows|left the sunroof open|left the windows down|left the seat heater on|left the AC running|left the fan on max|left the child lock on|had the heat on|had the music blasting|had the fan on full|rolled down the windows|rolled the window down|rolled up all the windows|shut the sunroof|shut all the windows|bumped the volume up|bumped the temperature up|messed with the climate settings|fiddled with the fan|played with the seat settings|moved my seat|pushed my seat all the way back|reclined my seat|pulled the sunshade shut|killed the AC|knocked the fan down|dropped the temperature|hit the defrost button|put the child lock on|put the recirculation on|cracked the sunroof}`,
    );
    return `${who} ${did} ${when}${tail}`;
  });

  // Questions about consequences or advice, not requests ("is it bad to leave the seat
  // heater on all day", "will the windows fog up if I switch off the AC"). Wording differs
  // from the held-out near.held.hypothetical (what happens if, would it be, suppose, ...).
  neg(F, "near.consequence", "near_miss", 2, (g) =>
    g.x(
      `{is it bad {if I|to} {leave the seat heater on all day|run the AC with the windows open|keep the recirculation on all the time|drive with the sunroof open|use the defroster a lot|keep the fan on max|blast the heat|sit with the heated seat on for hours}|does it {hurt|drain|wear out|kill} the battery {to|if I} {leave the fan running|use the seat heaters|run the AC while parked|keep the music on with the engine off|leave the heated steering wheel on}|will the windows fog {up |}if I {switch off the AC|keep recirculation on|close all the windows|switch off the defroster|keep the fan low}|do you think I should {get the windows tinted|use the AC more|keep the windows shut on the motorway|leave the sunroof cracked in the heat|keep the child lock on all the time|use the seat heater for my back}|is it okay to leave the {seat heater|AC|heated steering wheel|fan|child lock|radio|defroster} on {overnight|while I'm parked|for the whole trip|all day|when I'm not in the car}|can you {hurt|damage|wear out|break} the {window motor|sunroof motor|fan|blower|compressor|seat motor} by {using it too much|opening and closing it a lot|running it on max|moving it all the time}|how bad is it to {drive with the windows down|keep the AC on max|leave the sunroof open in the rain|have the music that loud}|is it safe to {drive with the windows down in the rain|keep the seat heater on while pregnant|sleep in the car with the AC on|drive with the sunroof open on the motorway}|does running the {heat|AC|seat heaters|fan} {use|burn} more fuel|will the battery die if I leave the {radio|fan|seat heater|AC} on with the engine off|could opening the sunroof {make it louder|hurt the car|let rain in}|does the sunroof leak if I leave it tilted|is it normal for the windows to fog up when I {switch off the fan|close them|get in}|will my seat heater burn me if I {leave it on|put it on high}|does the AC work better with the windows {up|shut}}`,
    ),
  );

  // Talk about the car's functions that wishes, weighs or judges but does not ask (dev
  // natural 9): conditionals ("if it were colder I'd put the seat heater on"), whether a
  // setting would suit someone ("would 18 degrees be too cold for a baby"), what the
  // car can do ("can the passenger seat go back far enough for ..."), other people's likes
  // and dislikes ("my mum hates it when the steering wheel gets hot") and opinions of the
  // controls. Anything that could be a request in disguise is left out on purpose: "I wish
  // the fan was quieter", "this seat heater is too weak", "can the fan go any higher", "can
  // the rear seats be heated", "would you ever ..." (a polite order in Irish English),
  // someone disliking a state the car is in ("... hates it when the car is too cold"). All
  // rows are statements to the surface: a question here never gets "please" added, which
  // would make "can the seat go back far enough for a tall person please" a request.
  // Wording stays clear of the held-out near.held.hypothetical (what happens if, would it
  // be, suppose, ...).
  F.add(IRRELEVANT, "near.wish_judge", { weight: 2.5 }, (g) => stmt(wishOrJudgement(g), NONE()), "near_miss");

  // Same verbs as volume/temperature/seat commands, other controls (screen, sound settings,
  // suspension, the road ahead): "turn up the brightness" is not a volume step.
  neg(F, "near.other_controls", "near_miss", 2, (g) =>
    g.x(
      `{turn {up|down} the {brightness|screen brightness|dashboard brightness|bass|treble|map zoom}|{brightness|bass|treble} {up|down}|{more|less} bass|{raise|lower} the {suspension|ride height}|{increase|decrease} the {brightness|font size|text size}|make the {screen|text|map} bigger|make the screen {brighter|darker}|zoom {in|out} on the map|turn {left|right} {here|at the lights|at the next junction|up ahead}|where do I turn next|make a U-turn|do I turn left here|speed up a bit|slow down a bit|{open|close} the {app|menu|settings}|open the climate settings page|show me the {audio|seat} settings|go back to the home screen|{increase|decrease} the following distance|set the {navigation|sat nav} voice to {male|female|British}|change the language to {French|Spanish|German}}`,
    ),
  );

  // ================================================================ held-out negative families
  // Rarer topics (sports trivia, online shopping, cooking), rarer verbs for common
  // requests (plot a course, patch me through, spin some ...), and structures the
  // training set never uses (hypotheticals, third-person past reports).
  neg(
    F,
    "neg.held.sports_trivia",
    "negative",
    1.5,
    (g) =>
      g.x(
        `{how many goals has {Messi|Ronaldo|Kane|Haaland} scored|who holds the record for the {marathon|hundred metres|long jump}|when are the next Olympics|how many rings does {Jordan|Brady|LeBron} have|who's top of the league|what's the offside rule|explain cricket to me|how long is a rugby match|what's a hat trick|who invented basketball}`,
      ),
    true,
    ["messi", "ronaldo", "olympics", "offside", "cricket", "rugby", "hat trick", "basketball", "marathon"],
  );
  neg(
    F,
    "neg.held.shopping",
    "negative",
    1.5,
    (g) =>
      g.x(
        `{order more {printer ink|dog food|coffee pods}|track my {package|parcel|Amazon order}|when will my {package|parcel} arrive|is my {package|parcel} out for delivery|add {batteries|light bulbs|phone chargers} to my cart|how much is in my cart|reorder {paper towels|printer ink|dog food}|return the {shoes|jacket} I bought online}`,
      ),
    true,
    ["package", "parcel", "cart", "printer", "reorder", "out for delivery", "bought online"],
  );
  neg(
    F,
    "neg.held.cooking",
    "negative",
    1.5,
    (g) =>
      g.x(
        `{how long do I boil an egg|how long should I boil {pasta|rice|potatoes}|how do I bake {sourdough|banana bread|a cake}|what temperature do I roast {a chicken|potatoes|vegetables} at|how long should I marinate {chicken|steak}|can I simmer {the sauce|the soup} overnight|how do you poach an egg|what can I bake with {bananas|apples}|is it safe to reheat {rice|chicken}}`,
      ),
    true,
    ["boil", "bake", "roast", "marinate", "simmer", "poach", "sourdough", "reheat"],
  );
  neg(
    F,
    "neg.held.rare_verbs",
    "negative",
    3,
    (g) =>
      g.x(
        `{{plot a course to|set a course for|chart a route to|point me towards|point me toward} {${g.pick(PLACES)}|the nearest ${g.pick(POIS)}|a ${g.pick(POIS)} in ${g.pick(CITIES)}|${g.pick(CITIES)}}|patch me through to ${g.pick(NAMES)}|get ${g.pick(NAMES)} on the line|spin {some ${g.pick(ARTISTS)}|${g.pick(SONGS)}|${g.pick(SONGS)} by ${g.pick(ARTISTS)}}|let's hear {some ${g.pick(ARTISTS)}|${g.pick(SONGS)}|${g.pick(GENRES)}}}`,
      ),
    true,
    ["plot a course", "set a course", "chart a", "point me", "patch me", "on the line", "spin", "let's hear"],
  );
  neg(
    F,
    "near.held.hypothetical",
    "near_miss",
    1.5,
    (g) =>
      g.x(
        `{what happens if I open the sunroof at {high speed|a hundred miles an hour}|what would happen if I {left the seat heater on overnight|turned the fan up to max all day|never used the defroster}|would it be colder with the windows {down|open}|if I turn up the fan will it use more {fuel|battery}|should I {crack the window|turn on the AC} to stay awake|would the heated seat help my back|could the child lock trap someone|why would anyone recline their seat all the way|suppose I open the sunroof in the rain, what then|imagine if the windows wouldn't close}`,
      ),
    true,
    [
      "what happens if",
      "what would happen",
      "would it be",
      "should i crack",
      "should i turn on",
      "would the heated",
      "could the child",
      "why would",
      "if i turn up",
      "suppose",
      "imagine if the",
    ],
  );
  neg(
    F,
    "near.held.narration",
    "near_miss",
    2.5,
    (g) =>
      g.x(
        `{${g.pick(RELATIVES)}|the kids|my passenger|my friend} {turned the music up|turned the volume down|turned up the heat|turned the temperature down|opened the sunroof|opened all the windows|closed the sunshade|switched on the seat heater|switched the AC off|turned the fan up to max|muted the radio|changed the temperature to ${g.int(65, 78)}} {earlier|yesterday|last night|this morning|on the way here|before I got in|again}`,
      ),
    true,
    [
      /\b(my (son|daughter|wife|husband|brother|sister|dad|mum|mom|kid|passenger|friend)|the kids) (turned|opened|closed|switched|muted|changed)\b/,
    ],
  );
}

/** One near.wish_judge text (see its comment in negativeFamilies). */
function wishOrJudgement(g: G): string {
  const act = g.x(
    "{put the seat heater on|turn the heat up|open the sunroof|roll the windows down|crank the music|switch the AC on|recline my seat|open my window|turn on the heated steering wheel|put the fan on full|close the sunshade|turn the volume up}",
  );
  const k = g.int(0, 5);
  if (k === 0)
    return g.x(
      `{if it were {colder|warmer|sunnier|quieter|nicer} {out|outside|today|} I'd ${act}|I'd ${act} if it {weren't|wasn't} {raining|so noisy|so cold|so hot|this late}|I would ${act} but {the baby's asleep|it's raining|we're nearly there|it's too windy|${g.pick(RELATIVES)} would complain}|if ${g.pick(RELATIVES)} {weren't|wasn't} {asleep|here|on the phone} I'd ${act}|I'd have ${act.replace(/^(\w+)/, (v) => PAST[v] ?? v)} if I'd known|if I had {a convertible|more time|my old car} I'd ${act}|in summer I'd ${act}|on a nicer day I'd ${act}}`,
    );
  if (k === 1) {
    const t = g.chance(0.5) ? `${g.n(g.int(16, 27))} degrees {celsius|C|}` : `${g.n(g.int(60, 80))} degrees`;
    return g.x(
      `{would ${t} be too {cold|warm|hot|chilly} for {a baby|the baby|a newborn|the dog|grandma|the kids|sleeping}|is ${t} {a good|a comfortable|a sensible} temperature for {a baby|the dog|sleeping|a long drive}|how many degrees is comfortable for {a baby|a dog|most people}|what's a good temperature for {the car|a long drive|a baby in the car|the dog in the back}}`,
    );
  }
  if (k === 2)
    return g.x(
      "{can the {passenger seat|driver's seat|seat} go back far enough for {someone who's six foot five|a tall person|my dad|my tall friend|someone really tall}|how far back does the {seat|passenger seat|driver's seat} go|how far does the seat recline|how cold can the AC get|how hot can the seat heater get|how many levels does the seat heater have|does the passenger seat have ventilation|can the windows close by themselves in the rain|does this car have a heated steering wheel|how loud can this stereo go}",
    );
  if (k === 3)
    return g.x(
      `{${g.pick(RELATIVES)}|the dog|my boss|my grandma|our babysitter} {hates|loves|can't stand|doesn't like|complains about} {it |}when the {steering wheel gets hot|seat heater is on|windows are down|music is loud|fan is on high|sunroof is open|seat is reclined|sunshade is closed|child lock is on}`,
    );
  if (k === 4)
    return g.x(
      `{honestly|to be fair|I must say|||} {the {climate controls|seat buttons|window switches|sunroof button|volume knob|fan controls|seat heater buttons|defrost buttons} in this car {are|is} {confusing|so fiddly|badly placed|great|really nice|hard to find|a bit cheap|easy to use}|this seat heater is {amazing|brilliant|lovely}|the AC in this car is {brilliant|rubbish|really quiet}|the windows in this car are {so small|tinted nicely|huge}|I like how {quiet the fan is|fast the windows close|warm the seats get|big the sunroof is}|the sunroof is my favourite thing about this car}`,
    );
  return g.x(
    `{do people {usually|really} {keep the AC on|use the seat heaters|drive with the windows down} {in winter|in summer|all year}|have you ever {sat in a car with heated seats|had the sunroof leak|driven with the windows down in the rain}|do you {usually|ever} {use the recirculation|put the heat on|open the sunroof} {in winter|in summer|on long drives}}`,
  );
}
