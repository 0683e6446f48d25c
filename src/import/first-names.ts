// Common Swedish given names (and a few common in Swedish municipal politics of other origin). Used
// only to tell where one name ends and the next begins when a list of people is printed without
// separators ("Maria Lind Peder Griph Siw Gustavsson"); a name missing here still reads, as a pair.
const NAMES = `
Ada Adam Adrian Agne Agneta Agnes Ahmed Ake Albin Alexander Alexandra Alf Ali Alice Alicja Allan Alma
Amanda Amelie Amir Amra Anders Andreas Anette Anita Ann Anna Anne Anneli Annelie Annette Anni
Annica Annicka Annie Annika Anki Anton Arne Arvid Asa Astrid August Axel Barbro Bengt Benny Berit
Bernt Berth Bertil Birger Birgit Birgitta Bjorn Bo Bob Boel Borje Bosse Britt Britta Camilla
Carin Carina Carl Carola Carolina Caroline Catarina Catharina Cecilia Charlotte Charlott
Christer Christian Christin Christina Christine Claes Conny Dag Dagmar Dan Daniel David Dennis
Ebba Edgar Elaine Elin Elisabet Elisabeth Ellen Elsa Emanuel Emelie Emil Emilia Emma Emmelie Erik
Erika Erling Esbjorn Eskil Esther Eva Evert Ewa Farid Fatima Felix Filip Frank Fred Fredric Fredrik
Gabriel Gary Gerd Gert Gosta Goran Greger Gudrun Gun Gunilla Gunn Gunnar Gunnel Gustav Hampus
Hanna Hannah Hans Harriet Harry Hasse Helen Helena Helene Henrietta Henrik Hilda Hjalmar Hulda
Hakan Ida Inga Inge Ingela Ingemar Inger Ingrid Irene Irma Isabella Ivan Jakob
Jan Jannike Jari Jarl Jean Jeanette Jeannette Jenny Jens Jesper Jimmy Joakim Joel Johan Johanna Johannes
John Johnny Jon Jonas Jonny Jorge Josefin Josefine Julia Jorgen Jorn Kajsa Kalle Kari Karin Karl
Karolina Katarina Kenneth Kent Kenth Kerstin Kim Kjell Kjerstin Klas Kristian Kristina Kristoffer Lage
Lars Lasse Leif Lena Lennart Leo Lillemor Lina Linda Linnea Lisa Lisbet Lisbeth Liv
Lotta Louise Lovisa Lucas Ludvig Magnus Maj Maja Malin Malte Marcus Margareta Margit Margreth
Maria Marianne Marie Marika Marita Markus Martin Mary Mats Matilda Mattias Maud Max
Mikael Michael Mirja Mohammed Mona Monica Monika Morgan Morten Niclas Nicke Niklas Nils
Nina Noel Ola Olle Olof Olov Oscar Oskar Ove Owe Patric Patricia Patrick Patrik Paul Paula Per Pernilla
Peter Petra Pia Pontus Ragnar Regina Ricard Richard Rickard Robert Roger Roland Rolf Rose Rosmarie Rune
Runar Ruth Sabina Sabine Sam Samir Sandra Sara Sarah Sari Sebastian Simon Siw Sofia
Sofie Sonja Sonny Staffan Stefan Sten Stig Stina Sture Susanne Suzanne Sune Sven Sverker Sylve Sylvia
Tage Therese Thomas Thor Thorbjorn Tina Tobias Tom Tomas Tommy Toni Tony Tord Torbjorn
Tove Tryggve Tyrone Ulf Ulla Ulric Ulrika Urban Vera Veronica Veronika Viktor Viktoria
Vivianne Viveca Wilhelm Willy Yngve Ylva Yvonne
`

const FIRST = new Set(NAMES.split(/\s+/).filter(Boolean))

function plain(word: string): string {
  const w = word.normalize('NFKD').replace(/\p{M}/gu, '')
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()
}

/** True for a common given name; a hyphenated one ("Sten-Åke") counts by its first part. */
export function isFirstName(word: string): boolean {
  const first = word.split('-')[0] ?? ''
  return FIRST.has(plain(first))
}
