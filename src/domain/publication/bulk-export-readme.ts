// The README.txt of the bulk export, in Swedish: a data user opens it before anything else.

/** The text that explains the archive's layout, its format and on what terms the data is given. */
export function bulkExportReadme(organisations: string[], builtAt: string): string {
  const who = organisations.length > 0 ? organisations.join(', ') : 'kommunen'
  return `Öppna data från ${who}
${'='.repeat(16 + who.length)}

Det här arkivet innehåller allt som portalen publicerar om nämndernas sammanträden:
dagordningar och justerade protokoll, i samma form som portalen visar dem.
Arkivet skapades ${builtAt}.

Innehåll
--------

index.json
    Förteckning över organisationen, nämnderna och sammanträdena, med varje fils sökväg
    och när innehållet senast ändrades ("modified").

<nämnd>/<sammanträde>/dagordning.json
    Den offentliga dagordningen (kind "agenda"), som på sammanträdets sida.

<nämnd>/<sammanträde>/protokoll.json
    Det justerade protokollet (kind "minutes"). Bara justerade paragrafer finns med;
    filen saknas när ingen paragraf är justerad.

omrostningar.csv
    Alla omröstningar i offentliga, justerade paragrafer: en rad per röst, en rad med
    tom person för en omröstning där bara antalen protokollförts. CSV (RFC 4180) i
    UTF-8, samma kolumner som tabellerna på nämndernas, personernas och partiernas sidor.

Format
------

Filerna är JSON i UTF-8 enligt formatet "document JSON", beskrivet i Paragrafs
dokumentation: docs/document-json.md, avsnittet "Published meetings as JSON".
Varje fil är densamma som portalen lämnar som JSON från sidan i filens "source.url"
(länken "Hämta som öppna data (JSON)").

Ärenden och paragrafer som omfattas av sekretess anges bara med nummer och rubriken
"Ärende som omfattas av sekretess". Personnummer är borttagna.

Villkor
-------

Uppgifterna är allmänna handlingar som myndigheten har publicerat. Vilka villkor som
gäller för att återanvända dem bestämmer kommunen; fråga kommunen om villkoren är oklara.
`
}
