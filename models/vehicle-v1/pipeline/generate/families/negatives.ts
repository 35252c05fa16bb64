/**
 * Irrelevant queries (irrelevant_function): other domains, chit-chat, car functions
 * outside the table, "turn everything off" (contract §3), and hard near-misses that
 * mention temperature, volume, windows, seats or fans without being a command.
 */
import { call, IRRELEVANT } from "../calls.js";
import type { G } from "../lexicon.js";
import { ask, cmd, type FamilyKind, type FamilySet, stmt } from "./types.js";

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
  /^(what|what's|who|who's|how|how's|when|where|where's|why|is|are|do|does|did|can|could|will|would|should|any)\b/i;
/** Openings that are not an order ("my seat is comfortable", "hello", "I love this song"). */
const STATEMENT_START =
  /^(i|i'm|i've|i'd|my|it|it's|the|this|that|we|we're|you|you're|there|there's|what a|nice|look|traffic|hello|hi|hey|good|thanks|thank|cheers|ok|okay|yes|no|maybe|sorry|oops|hmm|wait|hold on|goodbye|see you|banana|purple|asdf|blah|la|um|speaking|global|window shopping|fans|fasten|buckle|someone|[a-z]+ says|let me|one second|well done|never mind|forget it|nothing|help|cancel)\b/i;

function neg(
  F: FamilySet,
  id: string,
  kind: FamilyKind,
  weight: number,
  make: (g: G) => string,
  held = false,
  heldWords: string[] = [],
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

export function negativeFamilies(F: FamilySet): void {
  // ================================================================ other domains
  neg(F, "neg.chitchat", "negative", 3, (g) =>
    g.x(
      `{hello|hi there|hey|good morning|good evening|good night|how are you|how's it going|what's up|what's your name|who made you|are you a robot|are you listening|do you like me|I love you|you're the best|you're useless|thank you|thanks a lot|cheers|nice job|well done|never mind|forget it|cancel|nothing|that's all|stop listening|go away|tell me a joke|tell me a story|sing me a song|what can you do|help|what are you|are you alive|do you dream|what's the meaning of life|say something funny|talk to me|I'm bored|I'm tired|I'm hungry|what should I do today|good job|sorry|oops|ok|okay|yes|no|maybe|hmm I don't know|let me think|wait|hold on|one second|goodbye|see you later|how old are you|where are you from|what's your favourite colour|do you have feelings|can you hear me|testing testing|hello? is this thing on}`,
    ),
  );
  neg(F, "neg.knowledge", "negative", 4, (g) =>
    g.x(
      `{what's the capital of ${g.pick(COUNTRIES)}|how tall is ${g.pick(THINGS)}|how far is the moon|who wrote {Hamlet|Pride and Prejudice|1984|the Odyssey|Harry Potter}|when was ${g.pick(PEOPLE)} born|who was ${g.pick(PEOPLE)}|what's ${g.int(2, 99)} {plus|times|minus|divided by} ${g.int(2, 99)}|how many {ounces in a pound|feet in a mile|days in a leap year|people live in ${g.pick(CITIES)}|continents are there|bones are in the human body}|what time is it|what's the date today|what day is it|how do you spell ${g.pick(WORDS)}|define ${g.pick(WORDS)}|what does ${g.pick(WORDS)} mean|convert ${g.int(2, 500)} miles to kilometers|what's the population of ${g.pick(COUNTRIES)}|what language do they speak in ${g.pick(COUNTRIES)}|what time is it in ${g.pick(CITIES)}|who is the president of ${g.pick(COUNTRIES)}|why is the sky blue|how does a rainbow form|what's the speed of light|how many calories are in ${g.pick(FOODS)}|who won the {world cup|super bowl|election|game last night}|what's the score of the ${g.pick(TEAMS)} game|did ${g.pick(TEAMS)} win|when do ${g.pick(TEAMS)} play next|what's the stock price of {Apple|Tesla|Google|Amazon}|what's the exchange rate for {euros|dollars|pounds|yen}|translate {hello|thank you|good morning} into {French|Spanish|German|Japanese}|what's the tallest mountain in ${g.pick(COUNTRIES)}|how long is the {Nile|Amazon|Thames|Danube}}`,
    ),
  );
  neg(F, "neg.navigation", "negative", 4, (g) =>
    g.x(
      `{navigate to ${g.pick(PLACES)}|take me {to ${g.pick(PLACES)}|home}|directions to ${g.pick(PLACES)}|how far is ${g.pick(PLACES)}|how long to ${g.pick(PLACES)}|find the nearest ${g.pick(POIS)}|where's the closest ${g.pick(POIS)}|find a ${g.pick(POIS)} {nearby|near me|on the way|along the route}|avoid {tolls|motorways|highways|ferries}|reroute {around the traffic|please}|what's my ETA|when will we arrive|how long until we get there|how much longer until we arrive|add a stop at {a|the} ${g.pick(POIS)}|show {the traffic|me the map|the route}|cancel {the route|navigation}|how's the traffic {on the way to ${g.pick(PLACES)}|ahead}|is there traffic on the {M25|I-95|ring road|highway}|zoom in on the map|where am I|what road is this|go via ${g.pick(CITIES)}|start navigation|share my ETA with ${g.pick(NAMES)}|take the scenic route|find parking near ${g.pick(PLACES)}|what's the speed limit here}`,
    ),
  );
  neg(F, "neg.calls_messages", "negative", 4, (g) =>
    g.x(
      `{call ${g.pick(NAMES)}|phone ${g.pick(NAMES)}|ring ${g.pick(NAMES)}|call ${g.pick(NAMES)} on {mobile|their cell|speaker}|dial ${g.int(100, 999)} ${g.int(100, 999)} ${g.int(1000, 9999)}|answer the {call|phone}|hang up|decline the call|redial|call back the last number|text ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|send a message to ${g.pick(NAMES)} saying ${g.pick(MESSAGES)}|read my {messages|texts|emails}|reply {${g.pick(MESSAGES)}|ok}|email ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}|any new messages|who just texted me|did ${g.pick(NAMES)} call|send my location to ${g.pick(NAMES)}|check my voicemail|start a conference call|put ${g.pick(NAMES)} on hold|add ${g.pick(NAMES)} to the call}`,
    ),
  );
  neg(F, "neg.media", "negative", 4, (g) =>
    g.x(
      `{play ${g.pick(SONGS)}|play ${g.pick(SONGS)} by ${g.pick(ARTISTS)}|play {some |}${g.pick(ARTISTS)}|play ${g.pick(GENRES)}|play music|play some music|put on ${g.pick(GENRES)}|put on some ${g.pick(ARTISTS)}|next {song|track}|skip {this song|this track|this one|ahead}|previous {song|track}|go back a song|shuffle {my playlist|my music|the album}|repeat this song|what song is this|who sings this|like this song|add this to my playlist|switch to {bluetooth|the radio|FM|AM|DAB|USB|Spotify|Apple Music|the aux input}|tune to ${g.int(88, 107)}.${g.int(1, 9)} {FM|}|change the station|next station|play the next episode|resume {the podcast|my audiobook}|play something by ${g.pick(ARTISTS)}|I want to listen to ${g.pick(ARTISTS)}|find a {podcast|radio station} about {cars|history|science|football}|play the album {Abbey Road|Thriller|Rumours|25|Nevermind}}`,
    ),
  );
  neg(F, "neg.weather", "negative", 2.5, (g) =>
    g.x(
      `{what's the weather {like |}{${g.pick(WHEN)}|in ${g.pick(CITIES)}|${g.pick(WHEN)} in ${g.pick(CITIES)}}|will it rain ${g.pick(WHEN)}|is it going to {snow|rain|be sunny|be windy} {${g.pick(WHEN)}|in ${g.pick(CITIES)}}|what's the forecast {for ${g.pick(WHEN)}|in ${g.pick(CITIES)}|}|do I need an umbrella {${g.pick(WHEN)}|}|is there a storm coming|when is sunset|what time is sunrise ${g.pick(WHEN)}|how windy is it {outside|in ${g.pick(CITIES)}}|any weather warnings {on my route|for ${g.pick(CITIES)}}|is it icy on the roads|what's the UV index ${g.pick(WHEN)}|what's the air quality {like |}in ${g.pick(CITIES)}}`,
    ),
  );
  neg(F, "neg.errands", "negative", 2.5, (g) =>
    g.x(
      `{remind me to {call ${g.pick(NAMES)}|buy milk|pick up the kids|book a dentist appointment|pay the bills} {${g.pick(WHEN)}|at ${g.int(1, 12)} {am|pm}|}|set a timer for ${g.int(2, 59)} minutes|set an alarm for ${g.int(5, 11)} {am|thirty}|what's on my calendar {${g.pick(WHEN)}|}|add {eggs|bread|milk|coffee} to my shopping list|book a table for ${g.int(2, 8)} at {an Italian place|${g.pick(FOODS)} place|seven}|order ${g.pick(FOODS)}|find a recipe for ${g.pick(FOODS)}|what's the news|read me the headlines|open {Spotify|Google Maps|Waze|WhatsApp|the calendar app}|take a note|schedule a meeting with ${g.pick(NAMES)} ${g.pick(WHEN)}|when is my next meeting|turn on do not disturb|how much did I spend on fuel this month|pay for parking|find me a hotel in ${g.pick(CITIES)}}`,
    ),
  );
  neg(F, "neg.nonsense", "negative", 1.5, (g) =>
    g.x(
      `{banana phone|purple monkey|asdf|blah blah blah|la la la|the quick brown fox jumps over the lazy dog|um yeah so anyway|I was just thinking|my cat is called ${g.pick(NAMES)}|${g.pick(NAMES)} says hi|it was a good day|we're going to ${g.pick(PLACES)} ${g.pick(WHEN)}|the kids are asleep|${g.pick(NAMES)} is coming over ${g.pick(WHEN)}|I need coffee|let's get ${g.pick(FOODS)}|what a game|traffic is terrible today|I hate Mondays|look at that sunset|nice car over there|did you see that|I forgot my wallet|I think we're lost|are we there yet|how much longer|the kids are fighting again}`,
    ),
  );

  // ================================================================ car functions outside the table
  neg(F, "neg.car.lights_wipers", "negative", 3, (g) =>
    g.x(
      `{{turn|switch} {on|off} the {headlights|lights|high beams|low beams|fog lights|hazard lights|hazards|interior light|reading light|dome light|ambient lighting|parking lights|daytime running lights}|{headlights|high beams|fog lights|hazards|interior lights} {on|off}|flash the {headlights|high beams}|dim the {dashboard|dash lights|screen|display}|{make|set} the ambient lighting {blue|red|green|purple|warmer|brighter}|{turn|switch} {on|off} the {wipers|windscreen wipers|windshield wipers|rear wiper}|wipers {on|off|faster|slower|on auto}|{speed up|slow down} the wipers|spray the {windscreen|windshield}|wash the {windshield|windscreen}|clean the {windshield|windscreen}|brighter screen please|{turn|switch} on the {indicator|turn signal|blinker}}`,
    ),
  );
  neg(F, "neg.car.doors_trunk", "negative", 3, (g) =>
    g.x(
      `{{open|close|unlock|lock} the {doors|door|driver door|passenger door|car|tailgate|trunk|boot|frunk|hood|bonnet|glovebox|glove box|fuel flap|fuel door|gas cap|charge port|charging port|liftgate}|{lock|unlock} {the car|all the doors|everything}|pop the {trunk|boot|hood|bonnet}|is the {trunk|boot} open|{fold|unfold} the {mirrors|side mirrors|wing mirrors|rear seats}|adjust the {mirror|mirrors|rear view mirror|side mirror}|{tilt|move} the {mirror|side mirror} {down|up|left|right}|{heated mirrors|mirror heating} {on|off}|{turn|switch} on the {heated mirrors|mirror heater}|lower the {tailgate|trunk lid}|close the {garage|garage door|gate}|open the {garage|garage door|gate}|open the car|open up the car|unlock the boot}`,
    ),
  );
  neg(F, "neg.car.drive", "negative", 3, (g) =>
    g.x(
      `{{set|put} cruise control {to|at} ${g.int(25, 80)}|cruise control {on|off}|{turn|switch} {on|off} {cruise control|adaptive cruise|lane assist|lane keeping|the lane departure warning|traction control|parking sensors|the dash cam|auto hold|start stop|the parking brake|hill descent control}|{increase|decrease} {cruise|the cruise speed} by ${g.int(1, 10)}|set the speed limiter to ${g.int(30, 80)}|{honk|beep} the horn|honk|{start|stop|turn off|turn on} the engine|turn the car {off|on}|switch off the car|{switch to|put it in|set the drive mode to} {sport|eco|comfort|snow|normal} mode|{engage|release} the {handbrake|parking brake}|park the car|park for me|what's my {range|battery level|fuel level|tire pressure|tyre pressure|mileage|oil level}|how much {fuel|gas|petrol|charge|battery} do I have {left|}|find a charging station|when is my next service|check the tire pressure|is there a warning light|what does the orange light mean|show the {backup|reverse|360} camera|{turn|switch} on the {massage|seat massage|lumbar support}|massage {on|off}|{more|less} lumbar support|{raise|lower} the {headrest|head rest}|{save|recall} seat {memory|position} {one|two|1|2}|{move|tilt|adjust} the steering wheel {up|down|in|out|closer}|{raise|lower} the steering {wheel|column}|{turn|switch} on the {wireless charger|phone charger}}`,
    ),
  );
  neg(F, "neg.global_off", "negative", 1.5, (g) =>
    g.x(
      "{turn everything off|{switch|turn|shut} it all off|shut everything down|switch everything off|turn off everything|everything off|turn it all on|{switch|turn} everything on|open everything|close everything|reset everything|reset all the settings|factory reset|go back to the defaults|shut it all down|power everything down}",
    ),
  );

  // ================================================================ near-misses (mention a function, not a command)
  neg(F, "near.temperature", "near_miss", 3, (g) =>
    g.x(
      `{what's the temperature {outside|out there|in ${g.pick(CITIES)}|${g.pick(WHEN)}}|how {hot|cold|warm} is it {outside|in ${g.pick(CITIES)}|${g.pick(WHEN)}}|is it {cold|hot|warm|freezing} {outside|out|in ${g.pick(CITIES)}}|what temperature is it in here|what's the temperature {set to|in the car|in the back}|what's ${g.int(60, 80)} fahrenheit in celsius|what's ${g.int(16, 27)} celsius in fahrenheit|how cold does it get in ${g.pick(CITIES)}|what temperature should I cook {chicken|pork|a steak} to|what's the boiling point of water|the temperature is {fine|perfect|just right}|my coffee is too hot|the soup was too cold|it was freezing {yesterday|last night|this morning}|it's going to be hot ${g.pick(WHEN)}|is the heater working|is the heating on|does this car have {climate control|heated seats|a heated steering wheel|seat ventilation}|why is the AC making a noise|is the AC {on|working}|when was the AC last serviced|how does air conditioning work|who invented air conditioning|the AC smells weird|my engine temperature is high|what's the engine temperature|is the car overheating|keep the temperature like this|the climate is fine|I love this weather|global warming is scary}`,
    ),
  );
  neg(F, "near.volume", "near_miss", 3, (g) =>
    g.x(
      `{how loud is a jet engine|how loud is too loud|what's the volume of a {sphere|cube|cylinder}|how many decibels is a {rock concert|lawnmower|whisper}|what's the volume set to|is the volume up|what volume is it on|the volume is {fine|perfect|good}|the music is {nice|great|perfect}|I love this song|this song is {great|terrible|so good}|who sings this|the radio is {fine|good}|the music is fine where it is|leave the volume as it is|don't turn it up|don't change the volume|don't mute it|keep the music on|the {neighbours|kids|dogs} are loud|my {phone|headphones} volume is low|the engine is loud|why is the car so noisy|is the audio system any good|how many speakers does this car have|the sound quality is amazing|speaking of volume, how was your day|read me volume ${g.int(1, 7)} of {the encyclopedia|Harry Potter}}`,
    ),
  );
  neg(F, "near.windows", "near_miss", 3, (g) =>
    g.x(
      `{is the window open|are the windows {open|closed|up|down}|did I leave the windows open {back home|}|is the sunroof open|is the {back|rear} window {open|closed}|the window is {dirty|foggy in the photo|streaky}|the windshield is cracked|there's a crack in the {windshield|windscreen|window}|is it safe to drive with a cracked windshield|who makes the windows for this car|how much does a sunroof cost|does this car have a sunroof|the sunroof is leaking|my {window|sunroof} makes a weird noise|the window is stuck, {who should I call|what do I do}|open a new browser window|close the window on my laptop|I love the panoramic roof|the view from the window is amazing|look out the window|what's that building out the window|don't open the window|leave the windows as they are|keep the windows closed|no, leave the window|the kids keep opening the windows|someone opened the sunroof|I opened the window earlier|window shopping is fun|what's a window of opportunity|how do I clean the inside of the windshield|the wipers missed a spot on the windshield}`,
    ),
  );
  neg(F, "near.seats", "near_miss", 3, (g) =>
    g.x(
      `{my seat is comfortable|this seat is so comfy|how many seats does this car have|save me a seat|is the passenger seat empty|the seats are leather|I left my {bag|phone|jacket|wallet} on the {back seat|passenger seat|rear seat}|book {a seat|two seats} {at the theatre|on the train|for the concert}|who's sitting in the back|are the seats heated|are the heated seats on|is the seat heater working|the seat belt is stuck|fasten your seat belt|buckle up|the car seat for the baby is loose|do the rear seats fold down|my back hurts|my back has been sore all week|I have a doctor's appointment for my back|I'm tired of sitting|the seat fabric is stained|what's a backseat driver|take a seat|the dog is in the back seat|how far back does the seat go|does the seat have memory}`,
    ),
  );
  neg(F, "near.fans_air", "near_miss", 2, (g) =>
    g.x(
      `{I'm a big fan of ${g.pick(TEAMS)}|are you a fan of ${g.pick(ARTISTS)}|the fans were loud at the game|is the fan broken|the fan is making a weird noise|fans of ${g.pick(ARTISTS)} are crazy|what's the air quality {today|in ${g.pick(CITIES)}}|check the tire air pressure|where can I get air for the tires|the air freshener smells nice|I need a new air freshener|is the air filter dirty|when should I change the cabin air filter|the defroster is broken|my hands are full|my feet hurt|I'm feeling under the weather|I need to stretch my legs|the kids are too quiet|it's quiet out here|it's dark out|it's bright outside, where are my sunglasses|the sun is setting|{flip|pull} down the sun visor|the sun visor is broken}`,
    ),
  );
  neg(F, "near.questions", "near_miss", 2, (g) =>
    g.x(
      `{what does the {recirculation|auto climate|defroster|child lock|sunshade} button do|how does the {defroster|child lock|seat ventilation|heated steering wheel} work|what's the difference between AC and climate control|why does the windshield fog up|is it bad to use recirculation all the time|what's the best temperature for sleeping|what's the ideal car temperature|what should the fan speed be|is it better to open the windows or use the AC|how much fuel does the AC use|can the seat heater drain the battery|what's the maximum fan speed|what's the highest volume|how far can the seat go back|what's the lowest temperature I can set}`,
    ),
  );

  neg(F, "near.status", "near_miss", 2, (g) =>
    g.x(
      "{is the {child lock|seat heater|seat heating|heated seat|seat ventilation|recirculation|defroster|rear defroster|heated steering wheel|sunshade|auto climate|air conditioning|mute} {on|off|open|closed|working}|what's the {fan speed|volume|temperature|seat heating level} {set to|at|right now}|what level is the {seat heating|fan|seat ventilation} on|are the windows {open|closed|up|down}|is the sunroof {tilted|open|closed}|how far open is the {window|sunroof}|which seat heaters are on|did the {defroster|AC|recirculation} turn off|is my window all the way up|how warm is the {back|passenger side}}",
    ),
  );

  // ================================================================ held-out negative families
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
    "neg.held.shopping_smart_home",
    "negative",
    1.5,
    (g) =>
      g.x(
        `{{turn|switch} {on|off} the {lights|heating|thermostat} at home|set the {home|house} thermostat to ${g.int(60, 75)}|is the front door at home locked|open the garage at home|arm the {house|home} alarm|preheat the oven|start the {dishwasher|washing machine|robot vacuum}|order more {printer ink|dog food|coffee pods}|track my {package|parcel|Amazon order}|add {batteries|light bulbs} to my cart}`,
      ),
    true,
    [
      "at home",
      "oven",
      "dishwasher",
      "washing machine",
      "vacuum",
      "package",
      "parcel",
      "cart",
      "printer",
      "home alarm",
      "house alarm",
      "home thermostat",
      "house thermostat",
    ],
  );
  neg(
    F,
    "neg.held.nav_verbs",
    "negative",
    4,
    (g) =>
      g.x(
        `{get me to|route me to|plot a course to|guide me to|drive me to|set a course for|show me the way to} {${g.pick(PLACES)}|the nearest ${g.pick(POIS)}|a ${g.pick(POIS)} in ${g.pick(CITIES)}|${g.pick(CITIES)}}`,
      ),
    true,
    ["get me to", "route me", "plot a course", "guide me", "drive me to", "set a course", "show me the way"],
  );
  neg(
    F,
    "neg.held.call_verbs",
    "negative",
    3,
    (g) =>
      g.x(
        `{give ${g.pick(NAMES)} a ring|get ${g.pick(NAMES)} on the line|shoot ${g.pick(NAMES)} a text {saying|that} ${g.pick(MESSAGES)}|buzz ${g.pick(NAMES)}|ping ${g.pick(NAMES)} {that |}${g.pick(MESSAGES)}}`,
      ),
    true,
    ["a ring", "on the line", "shoot", "buzz", "ping"],
  );
  neg(
    F,
    "neg.held.media_verbs",
    "negative",
    3,
    (g) =>
      g.x(
        `{queue up|throw on|stick on|I'd like to hear} {${g.pick(SONGS)}|${g.pick(SONGS)} by ${g.pick(ARTISTS)}|some ${g.pick(ARTISTS)}|${g.pick(GENRES)}|${g.pick(ARTISTS)}}`,
      ),
    true,
    ["queue up", "throw on", "stick on", "i'd like to hear"],
  );
  neg(
    F,
    "near.held.hypothetical",
    "near_miss",
    1.5,
    (g) =>
      g.x(
        `{what happens if I open the sunroof at {high speed|a hundred miles an hour}|would it be colder with the windows {down|open}|if I turn up the fan will it use more {fuel|battery}|should I {crack the window|turn on the AC} to stay awake|would the heated seat help my back|could the child lock trap someone|is seventy two degrees too warm for a baby|why would anyone recline their seat all the way}`,
      ),
    true,
    [
      "what happens if",
      "would it be",
      "should i crack",
      "should i turn on",
      "would the heated",
      "could the child",
      "why would",
      "for a baby",
      "if i turn up",
    ],
  );
}
