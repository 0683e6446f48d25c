// The words of generated municipal records, written by hand for `paragraf generate`. Nouns and
// compounds are drawn with Zipf-like frequencies (swedish-text.ts), so the search index sees a few
// very common words ("förvaltningen", "budget"), many middling ones and a long tail of rare
// compounds, as in real protocols. The lists are part of the data's definition: changing them
// changes what a seed generates.

/** Common nouns of municipal administration, roughly from the most to the least frequent. */
// biome-ignore format: a word list reads best packed
export const nouns = [
  'budget', 'verksamhet', 'förvaltning', 'uppdrag', 'ärende', 'beslut', 'förslag', 'yttrande',
  'remiss', 'plan', 'program', 'avtal', 'rapport', 'uppföljning', 'redovisning', 'utredning',
  'ansökan', 'bidrag', 'taxa', 'avgift', 'riktlinje', 'policy', 'strategi', 'handlingsplan',
  'investering', 'upphandling', 'detaljplan', 'bygglov', 'förskola', 'grundskola', 'gymnasieskola',
  'äldreomsorg', 'hemtjänst', 'boende', 'bostad', 'lokal', 'fastighet', 'gata', 'park', 'cykelväg',
  'trafik', 'kollektivtrafik', 'parkering', 'vatten', 'avlopp', 'avfall', 'renhållning', 'energi',
  'klimat', 'miljö', 'naturvård', 'strandskydd', 'dagvatten', 'översvämning', 'kultur', 'bibliotek',
  'fritid', 'idrottshall', 'simhall', 'föreningsbidrag', 'ungdomar', 'barn', 'elever', 'vårdnadshavare',
  'personal', 'medarbetare', 'arbetsmiljö', 'rekrytering', 'kompetensförsörjning', 'lönekartläggning',
  'sjukfrånvaro', 'digitalisering', 'e-tjänst', 'informationssäkerhet', 'dataskydd', 'arkiv',
  'diarium', 'delegationsordning', 'reglemente', 'arbetsordning', 'sammanträdesplan', 'internkontroll',
  'riskanalys', 'krisberedskap', 'säkerhet', 'brottsförebyggande', 'trygghet', 'folkhälsa',
  'tillgänglighet', 'jämställdhet', 'integration', 'mottagande', 'bostadsförsörjning', 'markanvändning',
  'exploatering', 'markanvisning', 'tomtkö', 'arrende', 'hyresavtal', 'lokalförsörjning', 'ombyggnad',
  'nybyggnad', 'renovering', 'underhåll', 'energieffektivisering', 'solceller', 'laddinfrastruktur',
  'vägbelysning', 'snöröjning', 'vinterväghållning', 'hastighetsgräns', 'trafiksäkerhet', 'skolskjuts',
  'färdtjänst', 'riksfärdtjänst', 'ledsagning', 'ledsagarservice', 'personlig assistans', 'daglig verksamhet',
  'gruppbostad', 'korttidsboende', 'särskilt boende', 'hemsjukvård', 'rehabilitering', 'hjälpmedel',
  'missbruk', 'beroendevård', 'försörjningsstöd', 'ekonomiskt bistånd', 'socialtjänst', 'familjehem',
  'placering', 'orosanmälan', 'barnavård', 'ensamkommande', 'våld i nära relationer', 'skyddat boende',
  'tillsyn', 'livsmedelskontroll', 'serveringstillstånd', 'alkoholservering', 'tobak', 'miljötillsyn',
  'förorenad mark', 'buller', 'luftkvalitet', 'vattenskydd', 'enskilt avlopp', 'djurhållning',
  'bostadsanpassning', 'lantmäteri', 'fastighetsbildning', 'planbesked', 'planavtal', 'samråd',
  'granskning', 'antagande', 'överklagande', 'laglighetsprövning', 'förvaltningsrätt', 'länsstyrelse',
  'revision', 'revisionsrapport', 'granskningsrapport', 'ansvarsprövning', 'årsredovisning',
  'delårsrapport', 'bokslut', 'prognos', 'resultat', 'underskott', 'överskott', 'eget kapital',
  'skattesats', 'kommunalskatt', 'utjämning', 'statsbidrag', 'internränta', 'kapitalkostnad',
  'driftbudget', 'investeringsbudget', 'ombudgetering', 'tilläggsanslag', 'kommunbidrag', 'ram',
  'verksamhetsplan', 'mål', 'nyckeltal', 'kvalitet', 'brukarundersökning', 'medborgardialog',
  'synpunkt', 'klagomål', 'motion', 'medborgarförslag', 'interpellation', 'fråga', 'val', 'entledigande',
  'fyllnadsval', 'ersättare', 'ledamot', 'ordförande', 'vice ordförande', 'justerare', 'protokoll',
  'kallelse', 'dagordning', 'anmälan', 'delegationsbeslut', 'meddelande', 'information', 'skrivelse',
  'samverkan', 'avsiktsförklaring', 'överenskommelse', 'samverkansavtal', 'kommunalförbund',
  'bolag', 'bolagsordning', 'ägardirektiv', 'aktieägaravtal', 'borgen', 'lån', 'likviditet',
  'räddningstjänst', 'brandskydd', 'sotning', 'krisledning', 'civilt försvar', 'höjd beredskap',
  'turism', 'näringsliv', 'företagsklimat', 'arbetsmarknad', 'feriearbete', 'sysselsättning',
  'vuxenutbildning', 'sfi', 'komvux', 'yrkesutbildning', 'lärlingsutbildning', 'studiestöd',
  'elevhälsa', 'skolpeng', 'skolval', 'modersmål', 'läxhjälp', 'fritidshem', 'pedagogisk omsorg',
  'skolgård', 'skolmåltid', 'kostenhet', 'måltidsservice', 'städning', 'lokalvård', 'fordon',
  'bilpool', 'kommunikation', 'webbplats', 'sociala medier', 'varumärke', 'evenemang', 'konstinköp',
  'offentlig konst', 'kulturskola', 'kulturarv', 'museum', 'hembygdsgård', 'friluftsliv', 'badplats',
  'vandringsled', 'elljusspår', 'skogsbruk', 'skötselplan', 'naturreservat', 'grönstruktur',
  'träd', 'allé', 'lekplats', 'torg', 'stadskärna', 'centrumutveckling', 'handel', 'bredband',
  'fiber', 'mobiltäckning', 'va-plan', 'vattenverk', 'reningsverk', 'ledningsnät', 'pumpstation',
  'återvinningscentral', 'matavfall', 'förpackningar', 'deponi', 'slam', 'taxehöjning',
]

/** The first parts of compounds ("skol" + "plan" = "skolplan"). */
// biome-ignore format: a word list reads best packed
export const compoundHeads = [
  'skol', 'barn', 'äldre', 'bygg', 'miljö', 'trafik', 'kultur', 'fritids', 'social', 'vatten',
  'avfalls', 'gatu', 'park', 'energi', 'klimat', 'bostads', 'investerings', 'drift', 'kvalitets',
  'personal', 'lokal', 'mark', 'plan', 'natur', 'idrotts', 'ungdoms', 'förskole', 'familje',
  'hälso', 'omsorgs', 'vård', 'arbetsmarknads', 'närings', 'turism', 'besöks', 'kommun', 'läns',
  'region', 'samhälls', 'stads', 'lands', 'centrum', 'hamn', 'skogs', 'jordbruks', 'beredskaps',
  'säkerhets', 'tillsyns', 'taxe', 'avgifts', 'budget', 'måltids', 'kost', 'fordons', 'cykel',
  'gång', 'kollektivtrafik', 'parkerings', 'belysnings', 'underhålls', 'renoverings', 'digitaliserings',
  'informations', 'kommunikations', 'upphandlings', 'avtals', 'integrations', 'jämställdhets',
  'tillgänglighets', 'folkhälso', 'trygghets', 'brottsförebyggande', 'kris', 'biblioteks', 'musei',
  'konst', 'musik', 'bad', 'sim', 'frilufts', 'ledsagnings', 'bistånds', 'försörjnings', 'missbruks',
]

/** The last parts of compounds. */
// biome-ignore format: a word list reads best packed
export const compoundTails = [
  'plan', 'program', 'policy', 'strategi', 'avtal', 'bidrag', 'taxa', 'rapport', 'uppdrag',
  'utredning', 'nämnd', 'förvaltning', 'verksamhet', 'budget', 'frågor', 'ärenden', 'modell',
  'organisation', 'uppföljning', 'översyn', 'analys', 'projekt', 'satsning', 'insatser', 'åtgärder',
  'riktlinjer', 'regler', 'föreskrifter', 'ordning', 'lokaler', 'fastigheter', 'anläggningar',
  'område', 'kostnader', 'intäkter', 'resurser', 'behov', 'prognos', 'statistik', 'enkät', 'dialog',
  'råd', 'grupp', 'samverkan', 'nätverk', 'tjänster', 'service', 'stöd', 'tillstånd', 'ansökningar',
  'beslut', 'kontroll', 'tillsyn', 'mål', 'vision', 'arbete', 'kö', 'kapacitet', 'struktur',
]

// biome-ignore format: a word list reads best packed
export const adjectives = [
  'kommunal', 'ny', 'reviderad', 'långsiktig', 'hållbar', 'gemensam', 'särskild', 'fördjupad',
  'årlig', 'tillfällig', 'fortsatt', 'utökad', 'förenklad', 'digital', 'lokal', 'regional',
  'samlad', 'förebyggande', 'strategisk', 'ekonomisk', 'social', 'ekologisk', 'övergripande',
  'likvärdig', 'trygg', 'tillgänglig', 'effektiv', 'central', 'extern', 'intern',
]

/** What officers and committees do, for summaries. */
// biome-ignore format: a word list reads best packed
export const subjects = [
  'Förvaltningen', 'Nämnden', 'Kommunstyrelsen', 'Kontoret', 'Arbetsutskottet', 'Revisorerna',
  'Länsstyrelsen', 'Arbetsgruppen', 'Förvaltningen', 'Kommunledningskontoret', 'Samhällsbyggnadsförvaltningen',
]
// biome-ignore format: a word list reads best packed
export const pastVerbs = [
  'har utrett', 'har tagit fram', 'har sett över', 'har följt upp', 'har remitterat', 'har beretts',
  'har analyserat', 'har granskat', 'har reviderat', 'har kartlagt', 'har sammanställt', 'har utvärderat',
]
// biome-ignore format: a word list reads best packed
export const presentVerbs = [
  'föreslår', 'redovisar', 'bedömer', 'lämnar förslag på', 'återkommer om', 'ser behov av',
  'tillstyrker', 'avstyrker', 'prioriterar', 'beskriver',
]
// biome-ignore format: a word list reads best packed
export const proposalVerbs = [
  'godkänna', 'anta', 'fastställa', 'bevilja', 'avslå', 'överlämna', 'notera', 'uppdra åt förvaltningen att utreda',
  'uppdra åt förvaltningen att återkomma om', 'avge yttrande över', 'ställa sig bakom', 'tillstyrka',
  'föreslå kommunfullmäktige att anta', 'lägga redovisningen av', 'förklara', 'återremittera',
]
// biome-ignore format: a word list reads best packed
export const prepositions = ['för', 'inom', 'i', 'om', 'avseende', 'kring', 'vid']

/** Sentences that recur in real protocols almost word for word. */
// biome-ignore format: a word list reads best packed
export const stockSentences = [
  'Ärendet har beretts av förvaltningen.',
  'Förslaget bedöms inte medföra några ekonomiska konsekvenser.',
  'Förslaget ryms inom befintlig budgetram.',
  'En barnkonsekvensanalys har genomförts.',
  'Samråd har skett med de fackliga organisationerna enligt MBL.',
  'Ärendet har stämts av med berörda förvaltningar.',
  'Beslutet ska följas upp i samband med delårsrapporten.',
  'Förvaltningen har inget att erinra.',
  'Beslutet gäller från och med den första januari.',
  'Underlaget har skickats ut på remiss till berörda parter.',
]

/** Place-name parts for organisations, places and properties (invented, Swedish in form). */
// biome-ignore format: a word list reads best packed
export const placeHeads = [
  'Ek', 'Björk', 'Lind', 'Asp', 'Al', 'Gran', 'Tall', 'Sjö', 'Å', 'Berg', 'Dal', 'Skog', 'Ström',
  'Holm', 'Näs', 'Vik', 'Sand', 'Sten', 'Ljung', 'Mal', 'Öster', 'Väster', 'Norr', 'Söder', 'Hög',
  'Lång', 'Bred', 'Kall', 'Varm', 'Röd', 'Grön', 'Vit', 'Svart', 'Hag', 'Mo', 'Fors', 'Hav', 'Kärr',
  'Mark', 'Rå',
]
// biome-ignore format: a word list reads best packed
export const placeTails = [
  'sjö', 'by', 'köping', 'hamn', 'vik', 'berga', 'holm', 'näs', 'torp', 'löv', 'sund', 'å', 'dal',
  'fors', 'stad', 'bo', 'ryd', 'hult', 'inge', 'ås',
]
// biome-ignore format: a word list reads best packed
export const districtNames = [
  'Centrum', 'Norra staden', 'Södra staden', 'Hamnområdet', 'Stationsområdet', 'Industriområdet',
  'Ängsvägen', 'Kyrkbacken', 'Skolgatan', 'Idrottsparken', 'Strandängen', 'Tallbacken', 'Östermalm',
  'Västerport', 'Björkhagen', 'Lillskogen', 'Åsen', 'Gärdet', 'Mossen', 'Kvarnen',
]

// biome-ignore format: a word list reads best packed
export const firstNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Kerstin', 'Emma', 'Ingrid', 'Malin', 'Linnéa',
  'Sofia', 'Elin', 'Ida', 'Åsa', 'Ulla', 'Birgitta', 'Helena', 'Johanna', 'Camilla', 'Annika',
  'Märta', 'Agneta', 'Margareta', 'Louise', 'Fatima', 'Amira', 'Leila', 'Hanna', 'Jenny',
  'Lars', 'Anders', 'Johan', 'Per', 'Karl', 'Erik', 'Mikael', 'Peter', 'Jan', 'Hans', 'Björn',
  'Göran', 'Stefan', 'Mats', 'Magnus', 'Ulf', 'Fredrik', 'Daniel', 'Jonas', 'Åke', 'Örjan',
  'Bengt', 'Gustav', 'Olof', 'Nils', 'Mohammed', 'Ali', 'Ahmed', 'Hassan', 'Emil',
]
// biome-ignore format: a word list reads best packed
export const lastNames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
  'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jönsson', 'Jansson', 'Hansson', 'Bengtsson',
  'Lindberg', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Bergström', 'Axelsson', 'Lundberg',
  'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson',
  'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Håkansson', 'Lundin',
  'Björk', 'Gunnarsson', 'Holm', 'Samuelsson', 'Fransson', 'Wikström', 'Isaksson', 'Bergman',
  'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson',
  'Nordström', 'Mårtensson', 'Lundström', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren',
  'Sandström', 'Lund', 'Nordin', 'Ström', 'Åberg', 'Öberg', 'Ekström', 'Holmgren', 'Hedlund',
  'Sundberg', 'Sjögren', 'Ali', 'Hussein', 'Mohamed', 'Ahmadi', 'Yilmaz', 'Nieminen', 'Virtanen',
]

/** Parties with their share of the seats, as in a typical Swedish municipality. */
// biome-ignore format: a word list reads best packed
export const parties: ReadonlyArray<{ abbreviation: string; name: string; share: number }> = [
  { abbreviation: 'S', name: 'Socialdemokraterna', share: 31 },
  { abbreviation: 'M', name: 'Moderaterna', share: 19 },
  { abbreviation: 'SD', name: 'Sverigedemokraterna', share: 17 },
  { abbreviation: 'C', name: 'Centerpartiet', share: 9 },
  { abbreviation: 'V', name: 'Vänsterpartiet', share: 7 },
  { abbreviation: 'KD', name: 'Kristdemokraterna', share: 6 },
  { abbreviation: 'L', name: 'Liberalerna', share: 5 },
  { abbreviation: 'MP', name: 'Miljöpartiet de gröna', share: 4 },
  { abbreviation: 'LP', name: 'Lokalpartiet', share: 2 },
]

/** An organisation's committees: about twenty, as in a mid-sized municipality. */
// biome-ignore format: a word list reads best packed
export const committeePlan: ReadonlyArray<{
  name: string
  kind: 'fullmaktige' | 'styrelse' | 'namnd' | 'utskott' | 'rad'
  seats: number
  /** The committee's registry prefix; "" for the organisation's common registry. */
  parent?: string
}> = [
  { name: 'Kommunfullmäktige', kind: 'fullmaktige', seats: 41 },
  { name: 'Kommunstyrelsen', kind: 'styrelse', seats: 13 },
  { name: 'Kommunstyrelsens arbetsutskott', kind: 'utskott', seats: 5, parent: 'Kommunstyrelsen' },
  { name: 'Kommunstyrelsens personalutskott', kind: 'utskott', seats: 5, parent: 'Kommunstyrelsen' },
  { name: 'Barn- och utbildningsnämnden', kind: 'namnd', seats: 11 },
  { name: 'Gymnasie- och vuxenutbildningsnämnden', kind: 'namnd', seats: 9 },
  { name: 'Socialnämnden', kind: 'namnd', seats: 11 },
  { name: 'Socialnämndens individutskott', kind: 'utskott', seats: 5, parent: 'Socialnämnden' },
  { name: 'Vård- och omsorgsnämnden', kind: 'namnd', seats: 11 },
  { name: 'Bygg- och miljönämnden', kind: 'namnd', seats: 9 },
  { name: 'Tekniska nämnden', kind: 'namnd', seats: 9 },
  { name: 'Kultur- och fritidsnämnden', kind: 'namnd', seats: 9 },
  { name: 'Arbetsmarknadsnämnden', kind: 'namnd', seats: 7 },
  { name: 'Samhällsbyggnadsnämnden', kind: 'namnd', seats: 9 },
  { name: 'Överförmyndarnämnden', kind: 'namnd', seats: 5 },
  { name: 'Valnämnden', kind: 'namnd', seats: 5 },
  { name: 'Krisledningsnämnden', kind: 'namnd', seats: 5 },
  { name: 'Revisionen', kind: 'namnd', seats: 5 },
  { name: 'Pensionärsrådet', kind: 'rad', seats: 9 },
  { name: 'Rådet för funktionshinderfrågor', kind: 'rad', seats: 9 },
]

/** Registry classes of a classification scheme (klassificeringsstruktur), as in "3.1.1-563/2022". */
// biome-ignore format: a word list reads best packed
export const registryClasses = [
  '1.1.1', '1.1.2', '1.2.1', '1.2.3', '1.3.1', '2.1.1', '2.2.4', '2.3.1', '3.1.1', '3.1.2', '3.2.1',
  '3.3.2', '4.1.1', '4.2.1', '5.1.1', '5.2.3', '6.1.1', '7.1.2', '8.1.1', '9.1.1',
]

// biome-ignore format: a word list reads best packed
export const confidentialityGrounds = ['OSL 26:1', 'OSL 23:1', 'OSL 19:3', 'OSL 21:1', 'OSL 31:16']

// biome-ignore format: a word list reads best packed
export const statementKinds = ['protokollsanteckning', 'särskilt yttrande', 'ersättaryttrande']

// biome-ignore format: a word list reads best packed
export const meetingPlaces = [
  'Sammanträdesrum Stora salen, Stadshuset', 'Kommunhuset, rum Ljusgården', 'Medborgarhuset, sal 2',
  'Förvaltningshuset, Konferensrum Ekorren', 'Kommunhuset, Fullmäktigesalen', 'Digitalt via Teams och i Stadshuset',
]
