/**
 * Word knowledge for `entity/unlisted`: capitalized words that are not
 * names worth listing (sentence openers, titles, days and months,
 * nationalities, places, generic acronyms), and the cues that guess which
 * front matter list a name belongs to.
 */

/** Words that never start or continue a name: sentence openers, pronouns, greetings, titles. */
const OPENER_WORDS = `
I Im I'm The A An And But So Or Nor If When What Why How Who Whom Whose Where Which That This These Those There Then Now Well
Yeah Yes Yep No Nope Not Okay Ok OK Oh Ah Uh Um Hmm Wow Right Like Just Also Because Even Still Yet Maybe Perhaps Sure
We You He She They It My Our Your His Her Their Its Me Us Them Mine One Two Three Four Five Six Seven Eight Nine Ten
In On At Of For To From With By As Into About After Before Over Under Between Through During Without Within Against Since Until
Is Are Was Were Be Been Being Do Does Did Have Has Had Can Could Would Should Will Shall May Might Must Let Get Got Go
Thank Thanks Hello Hi Hey Please Welcome Good Okay All Every Each Some Any Many Much More Most Other Another Such
Mr Mrs Ms Dr Prof Sir Dame Madam Mister Lord Lady President Senator Governor Minister Chairman Chair Secretary Judge
`;

/** Words that are no name to list on their own, but may sit inside one (`New York Times`, `Bank of China`). */
const PLAIN_WORDS = `
General Great Professor Doctor Captain King Queen Prince Princess Pope Saint St CEO CFO COO CTO VP Host Guest Speaker Narrator Interviewer
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December
English Chinese American Americans European Europeans British Japanese French German Germans Indian Russian Russians Korean Canadian
Canadians Spanish Italian Mexican Brazilian African Asian Australian Israeli Iranian Ukrainian Taiwanese Western Eastern Northern Southern
Christian Christians Muslim Muslims Jewish Catholic Republican Republicans Democrat Democrats Democratic Communist Communists Soviet
God Christmas Easter Internet Earth Moon Sun Bible Music Applause Laughter Episode Chapter Part Section Today Tonight Tomorrow Yesterday
China America Canada Japan Europe Asia Africa India Russia Korea Taiwan Germany France Britain England Italy Spain Mexico Brazil Israel
Iran Iraq Ukraine Australia Singapore Switzerland Sweden Norway Denmark Netherlands Belgium Poland Turkey Egypt Vietnam Indonesia Beijing
Shanghai Washington London Paris Tokyo Berlin Moscow York California Texas Florida Ohio Michigan Virginia Silicon Valley Hollywood Wall
Street Hong Kong Toronto Ottawa Ontario Quebec Vancouver Boston Chicago Seattle Atlanta Miami Dallas Detroit Brooklyn Manhattan Delhi
US USA UK EU UN AI AGI ASI LLM LLMs GPU GPUs CPU API APIs SaaS B2B B2C PR HR IT ML VC VCs ETF ETFs ROI KPI IPO IPOs GDP CPI PPI PCE
TV PhD MBA DNA RNA COVID AM PM DC NYC LA SF Q1 Q2 Q3 Q4 FAQ PDF URL SQL CRM ERP AR VR XR OS PC ID UX UI
U.S U.S.A U.K U.N E.U
`;

/** More places, and acronyms of everyday business and tech speech. */
const MORE_PLAIN = `
Argentina Chile Colombia Peru Venezuela Cuba Greece Portugal Austria Ireland Scotland Wales Finland Hungary Romania Czech Pakistan
Bangladesh Thailand Malaysia Philippines Nigeria Kenya Ethiopia Morocco Syria Lebanon Jordan Qatar Kuwait Afghanistan Mongolia Tibet
Xinjiang Guangdong Shenzhen Hangzhou Zhejiang Sichuan Wuhan Nanjing Tianjin Chongqing Macau Seoul Kyoto Osaka Mumbai Sydney Melbourne
Dubai Geneva Zurich Amsterdam Brussels Rome Madrid Vienna Prague Warsaw Kyiv Kiev Istanbul Cairo Jerusalem Gaza Mars Jupiter Venus
Arizona Nevada Colorado Utah Oregon Georgia Carolina Tennessee Kentucky Alabama Louisiana Iowa Kansas Missouri Minnesota Wisconsin
Dakota Wyoming Nebraska Vermont Maine Delaware Hampshire Rhode Illinois Indiana Pennsylvania Jersey Massachusetts Connecticut Maryland Alaska Hawaii Montana Idaho Oklahoma Arkansas Mississippi
Alberta Columbia Manitoba Saskatchewan Scotia Brunswick Atlantic Pacific Arctic Antarctica Mediterranean Caribbean Sahara Himalayas
EPS IoT PITA XYZ ARR MRR ESG DEI KPIs OKR OKRs MVP SLA ASAP FOMO YOLO LOL EV EVs TAM CAGR EBITDA ARPU LTV CAC NPS SDK IDE CLI GUI
NFT NFTs DAO DeFi IRA HVAC GPT LLC CIA FBI NASA NATO WHO CEOs CFOs PhDs MBAs APIs PCs PRs TVs
South North East West Central Upper Lower Greater Downtown
`;

/** Common given names: alone they name no one listable; first in a name, they mark a person. */
const GIVEN_NAMES = `
James John Robert Michael William David Richard Joseph Thomas Charles Chris Christopher Daniel Matthew Matt Anthony Mark Donald Steven
Steve Paul Andrew Andy Joshua Kenneth Kevin Brian Bill George Timothy Tim Ronald Ron Jason Edward Jeffrey Jeff Ryan Jacob Gary
Nicholas Nick Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Ben Samuel Sam Frank Gregory Greg Raymond Alexander Alex
Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Zach Peter Pete Kyle Walter Ethan Jeremy Harold Keith
Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel
Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Phil Johnny Mary Patricia Jennifer Linda
Elizabeth Liz Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol
Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha
Katherine Kate Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly
Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean
Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella
Charlotte Rose Alexis Kayla Alison Allison Tracy Stacy Stacey Claire Jane Jenny Jen Lucy Sophie Zoe Anish Raj Amit Amir Rahul Priya Wei Li Ming
`;

export const OPENERS = new Set(OPENER_WORDS.split(/\s+/).filter(Boolean));
export const GIVEN = new Set(GIVEN_NAMES.split(/\s+/).filter(Boolean));
export const PLAIN = new Set([...(PLAIN_WORDS + MORE_PLAIN).split(/\s+/).filter(Boolean), ...GIVEN]);

/** Last words that make a place: `Lee County`, `Trappers Lake`. */
export const PLACE_ENDINGS =
  /\s(County|City|Lake|River|Mountain|Mountains|Island|Islands|Bay|Beach|Park|Street|Avenue|Road|Valley|Province|State|Coast|Sea|Ocean|Desert|Canyon|Square|Bridge)$/;

/**
 * Last words that make a named event or period (`Chinese Civil War`, `Asian Financial Crisis`): no list
 * of the front matter holds events.
 */
export const EVENT_ENDINGS = /\s(War|Wars|Revolution|Crisis|Depression|Recession|Pandemic|Rebellion|Uprising|Dynasty|Era)$/;

/** Places and periods of more than one word. */
export const PLAIN_PHRASES = new Set(
  [
    'United States',
    'United States of America',
    'United Kingdom',
    'United Arab Emirates',
    'Los Alamos',
    'New York',
    'New York City',
    'Los Angeles',
    'San Francisco',
    'Las Vegas',
    'Palo Alto',
    'Silicon Valley',
    'Wall Street',
    'Hong Kong',
    'Bay Area',
    'Middle East',
    'South Korea',
    'North Korea',
    'Saudi Arabia',
    'South Africa',
    'New Zealand',
    'Latin America',
    'North America',
    'South America',
    'Southeast Asia',
    'East Asia',
    'Cold War',
    'World War I',
    'World War II',
    'World War',
    'Great Depression',
    'Chinese New Year',
    'New Year',
    'Ancient Greece',
    'Ancient Rome',
    'Mainland China',
    'Soviet Union',
    'Super Bowl',
    'World Cup',
    'Olympic Games',
    'Olympics',
    'British Columbia',
    'Nova Scotia',
    'New Jersey',
    'New Mexico',
    'North Carolina',
    'South Carolina',
    'West Virginia',
    'Washington DC',
    'Washington D.C',
    'Milky Way',
    'Cultural Revolution',
    'Industrial Revolution',
    'Renaissance',
  ].map((p) => p.toLowerCase()),
);

/** Small words that sit inside names: `Bank of America`, `Tour de France`. */
export const CONNECTORS = new Set(['of', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'la', 'le', 'for', 'the']);

const ORG_WORDS =
  /\b(Inc|Corp|Corporation|Company|Co|Ltd|LLC|LLP|PLC|AG|GmbH|SA|Bank|Banks|University|College|Institute|School|Group|Capital|Partners|Ventures|Labs?|Foundation|Association|Agency|Department|Ministry|Committee|Commission|Council|Reserve|Fund|Holdings|Technologies|Systems|Motors|Airlines|Airways|Industries|Securities|Pharmaceuticals|Pharma|Therapeutics|Biosciences|Biotech|Energy|Electric|Electronics|Semiconductors?|Robotics|Dynamics|Logistics|Insurance|Financial|Bancorp|Investments|Software|Entertainment|Pictures|Brands|Foods|Resources|Solutions|Services|Communications|Management|Research|Center|Centre|Party|Court|Congress|Parliament|Senate|Army|Navy|Office|Bureau|Authority|Exchange|Network|Studios|Records|Media|Society|Union|League|Club|Team|United|FC)\b/;
const MEDIA_WORDS =
  /\b(Times|Journal|Post|News|Review|Magazine|Podcast|Show|Gazette|Tribune|Herald|Weekly|Daily|Chronicle|Book|Books|Film|Movie|Novel|Series|Season)\b/;
const MEDIA_CUES = new Set([
  'book',
  'books',
  'novel',
  'film',
  'movie',
  'show',
  'podcast',
  'series',
  'documentary',
  'paper',
  'article',
  'essay',
  'album',
  'song',
  'titled',
  'called',
  'wrote',
  'read',
  'watched',
]);
const PRODUCT_WORDS =
  /\b(Pro|Max|Mini|Ultra|Plus|Lite|Air|Turbo|Edition|App|Model|Chip|Phone|Pad|Watch|Vision|Assistant|Pilot|Copilot|Cloud|Studio)\b/;
const PERSON_CUES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'professor',
  'president',
  'senator',
  'governor',
  'minister',
  'ceo',
  'founder',
  'author',
  'judge',
  'sir',
  'host',
  'guest',
  'chairman',
  'said',
  'says',
]);

/**
 * Which list a name probably belongs to, from its own words and the words
 * before it; the author confirms (every list is offered).
 */
export function guessList(name: string, words: number, quoted: boolean, before: readonly string[], lists: readonly string[]): string {
  const pick = (list: string) => (lists.includes(list) ? list : lists[0]);
  if (ORG_WORDS.test(name)) return pick('companies_orgs');
  const parts = name.split(/\s+/);
  if (!quoted && parts.length >= 2 && GIVEN.has(parts[0])) return pick('people');
  if (
    quoted ||
    MEDIA_WORDS.test(name) ||
    /^(The )?(Life|History|Art|Story|Book|Tale|Rise|Fall) of /.test(name) ||
    before.some((w) => MEDIA_CUES.has(w))
  )
    return pick('media_books');
  // Version numbers, digits, inner capitals after a lowercase start (`iPhone 15`, `GPT-4o`, `Opus 4.5`).
  if (/\d/.test(name) || /^[a-z]+[A-Z]/.test(name) || PRODUCT_WORDS.test(name)) return pick('products_models');
  if (words >= 2 && words <= 3 && parts.every((w) => /^(?:[A-Z][a-z'’.-]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+)$/.test(w)))
    return pick('people');
  if (before.some((w) => PERSON_CUES.has(w))) return pick('people');
  return pick('companies_orgs');
}
