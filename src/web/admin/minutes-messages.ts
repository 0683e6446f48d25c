import { LoginRefusedError } from '../../domain/account/account.service.ts'
import { SignedOffRecordError } from '../../domain/minutes/signed-off-record.ts'
import { DomainError } from '../../domain/shared/errors.ts'

// The Swedish words for what the minutes' use cases refuse. The domain's messages are for
// developers; a clerk reads these, beside the form that was refused.

const messages: Array<[RegExp, string]> = [
  [/record the roll call first/, 'Spara närvaron först: protokollet öppnas med den.'],
  [/write the comment/, 'Skriv din synpunkt på paragrafen.'],
  [/at most 4000 characters/, 'Synpunkten får vara högst 4 000 tecken.'],
  [/only the appointed signatories comment/, 'Bara de utsedda justerarna lämnar synpunkter på utkastet.'],
  [/ask for a rectification instead/, 'Paragraferna är redan justerade: ändringar görs genom rättelse.'],
  [
    /no quorum/,
    'Nämnden är inte beslutför vid paragrafen: mer än hälften av ledamöterna måste tjänstgöra (KL 6:27).',
  ],
  [
    /only members serving at the § may vote/,
    'Bara ledamöter och ersättare som tjänstgör vid paragrafen får rösta.',
  ],
  [/jäv may not vote|jäv may not serve/, 'Den som har anmält jäv får inte delta i ärendet (KL 6:28).'],
  [/each member votes once/, 'Varje ledamot röstar en gång (KL 4:24).'],
  [/record who served at the § before its votes/, 'Ange först vilka som tjänstgör vid paragrafen (närvaro).'],
  [
    /chair must vote/,
    'Lika röstetal: ordföranden har utslagsröst och måste rösta ja eller nej (KL 4:25, 5:56).',
  ],
  [/decided by lot/, 'Lika röstetal vid val eller anställning: ange lottens utfall (KL 5:56).'],
  [
    /voted for the decision cannot dissent/,
    'Den som röstade för beslutet kan inte reservera sig mot det (KL 4:27).',
  ],
  [
    /only a member who took part in the decision may dissent/,
    'Bara den som deltog i beslutet kan reservera sig (KL 4:27).',
  ],
  [
    /does not serve again the same day|does not come back the same day/,
    'Den som har lämnat sammanträdet av annat skäl än jäv får inte tjänstgöra igen samma dag (KL 5:20).',
  ],
  [
    /only a member serving at the § may make a motion/,
    'Bara ledamöter och ersättare som tjänstgör vid paragrafen kan yrka. Tjänstepersoner och andra närvarande får yttra sig men inte besluta.',
  ],
  [
    /the meeting is closed: a dissent must have been announced/,
    'Sammanträdet är avslutat. En reservation måste ha anmälts innan sammanträdet avslutades (KL 4:27); kryssa i att den anmäldes då om så var fallet.',
  ],
  [/written reason of a dissent was due by/, 'Tiden för att lämna in en skriftlig reservation har gått ut.'],
  [/write the reason/, 'Skriv reservationens motivering.'],
  [/closing time is not a time/, 'Ange klockslaget som TT:MM.'],
  [
    /every serving member’s ballot is needed|records how each member voted/,
    'Ange hur varje tjänstgörande ledamot röstade: ja, nej eller avstår (KL 5:67 p. 5).',
  ],
  [
    /signed off between the meeting and/,
    'Protokollet ska justeras inom 14 dagar efter sammanträdet (KL 5:69). Välj en dag fram till fristen.',
  ],
  [
    /give either ballots or counts/,
    'Ange antingen hur var och en röstade eller, vid sluten omröstning, antalen.',
  ],
  [/the counts are whole numbers/, 'Ange antalet ja- och nej-röster som heltal.'],
  [/say how the party group \d+ voted/, 'Ange hur partigruppen röstade: ja, nej eller avstår.'],
  [
    /ballots counted but only \d+ members vote/,
    'Fler röster än ledamöter som röstar vid paragrafen: kontrollera antalen (KL 4:24).',
  ],
  [/a ballot is ja, nej or avstår/, 'En röst är ja, nej eller avstår.'],
  [/state what the vote is about/, 'Skriv vad omröstningen gäller.'],
  [/the motion needs its text/, 'Skriv yrkandets text.'],
  [
    /name who stands behind it|each author is a person or a party/,
    'Välj vem som står bakom: en ledamot eller ett parti.',
  ],
  [/does not record statements of the kind/, 'Nämnden tar inte emot den sortens uttalanden.'],
  [/substitutes’ opinions/, 'Nämnden antecknar inte ersättaryttranden.'],
  [/signed by \d+ people/, 'Välj så många justerare som nämnden har bestämt.'],
  [/appoint the signatories first/, 'Utse justerarna först.'],
  [/choose the §§ to sign off/, 'Välj vilka paragrafer som ska justeras.'],
  [/already in a sign-off/, 'Någon av paragraferna ingår redan i en justering.'],
  [/does not sign off single §§ at the meeting/, 'Nämnden justerar inte enskilda paragrafer omedelbart.'],
  [/only the appointed signatories sign/, 'Bara de utsedda justerarna kan justera protokollet.'],
  [/you have signed already/, 'Du har redan justerat de här paragraferna.'],
  [/does not sign with a password/, 'Nämnden justerar inte med lösenord: se nämndens justeringssätt.'],
  [/does not sign with e-legitimation/, 'Nämnden justerar inte med e-legitimation.'],
  [/does not sign its minutes on paper/, 'Nämnden justerar inte på papper.'],
  [/signed on paper after today/, 'Dagen för justeringen kan inte ligga efter i dag.'],
  [/cannot be signed before the meeting/, 'Protokollet kan inte justeras före sammanträdet.'],
  [/not the appointed signatory/, 'E-legitimationen tillhör inte den utsedda justeraren.'],
  [/signed off already/, 'Paragraferna är redan justerade.'],
  [/is signed off: a correction needs/, 'Paragrafen är justerad och låst. En ändring görs som en rättelse.'],
  [/is not signed off/, 'Paragrafen är inte justerad än.'],
  [/two substitutes serve for one member/, 'Två ersättare kan inte tjänstgöra för samma ledamot.'],
  [/at a distance/, 'Nämnden tillåter inte deltagande på distans (KL 6:24).'],
  [/the § needs a title/, 'Paragrafen behöver en rubrik.'],
  [/state what was wrong/, 'Skriv vad som var fel och varför det rättas.'],
  [/the correction changes nothing/, 'Rättelsen ändrar ingenting.'],
  [/must be YYYY-MM-DD|must be a date/, 'Skriv datumet som ÅÅÅÅ-MM-DD.'],
  [/is needed/, 'Fyll i fältet.'],
  [/has a notice already/, 'Beslutet har redan ett anslag.'],
  [/announced after it is taken/, 'Beslutet kan inte anslås före beslutsdagen.'],
  [/reported to the committee/, 'Beslutet är anmält till nämnden och anslås med protokollet.'],
]

const signedOffParts: Record<SignedOffRecordError['part'], string> = {
  section: 'Paragrafen och det som är antecknat under den kan inte längre ändras här.',
  attendance: 'Närvaron och tjänstgöringen som gällde där kan inte längre ändras.',
  signatories: 'Justerarna kan inte längre bytas.',
  closing_time: 'Tiden då sammanträdet avslutades kan inte längre ändras.',
  numbering:
    'En ny paragraf kan bara läggas till efter de justerade, i ett protokoll som inte är justerat i sin helhet.',
}

/** Tells the clerk which §§ are justerade and that only a recorded rättelse changes them. */
function signedOffRefusal(error: SignedOffRecordError): string {
  const { labels } = error
  const which = labels.length > 3 ? `${labels[0]} till ${labels.at(-1)}` : labels.join(', ')
  // KL 5:69: what the first signatory signed is what the last signs.
  if (error.signing)
    return `${which} har redan skrivits under av en justerare. ${signedOffParts[error.part]} Alla justerare ska skriva under samma text: en ändring görs som en rättelse när justeringen är klar.`
  return `${which} är ${labels.length === 1 ? 'justerad' : 'justerade'}. ${signedOffParts[error.part]} Ett justerat protokoll ändras bara genom en rättelse, som redovisas öppet vid paragrafen.`
}

/** The Swedish message for a refusal of the minutes' use cases; other errors are rethrown. */
export function swedishRefusal(error: unknown): string {
  if (error instanceof SignedOffRecordError) return signedOffRefusal(error)
  if (error instanceof LoginRefusedError)
    return error.reason === 'throttled'
      ? 'För många felaktiga försök. Vänta en stund och försök igen.'
      : 'Lösenordet stämmer inte.'
  if (error instanceof DomainError && error.code !== 'not_found' && error.code !== 'forbidden') {
    if (error.code === 'conflict') return 'Någon annan har ändrat paragrafen medan du skrev.'
    const found = messages.find(([pattern]) => pattern.test(error.message))
    if (found) return found[1]
    if (error.code === 'invalid_input' || error.code === 'invalid_state')
      return 'Det går inte att spara så. Kontrollera uppgifterna.'
  }
  throw error
}
