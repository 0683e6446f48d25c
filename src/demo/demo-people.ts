// Socialnämnden in Stockholm as its protocol of 14 December 2022 names them (seed 002): elected
// members acting in office, whom the law requires the minutes to name.

export const demoMembers: Array<{ name: string; party: string; role: 'chair' | 'vice_chair' | 'member' }> = [
  { name: 'Alexander Ojanne', party: 'S', role: 'chair' },
  { name: 'Jan Jönsson', party: 'L', role: 'vice_chair' },
  { name: 'Anders Göransson', party: 'S', role: 'member' },
  { name: 'Lotten Hammar', party: 'S', role: 'member' },
  { name: 'Jackie Nylander', party: 'V', role: 'member' },
  { name: 'Alexandra Mattson', party: 'V', role: 'member' },
  { name: 'Mariana Moreira Duarte', party: 'MP', role: 'member' },
  { name: 'Ole-Jörgen Persson', party: 'M', role: 'member' },
  { name: 'Mattias Keresztesi', party: 'M', role: 'member' },
  { name: 'Natalia Ringblom', party: 'M', role: 'member' },
  { name: 'Gabriel Kroon', party: 'SD', role: 'member' },
  { name: 'Kristin Jacobsson', party: 'C', role: 'member' },
  { name: 'Michaela Hollis', party: 'KD', role: 'member' },
]

export const demoSubstitutes: Array<{ name: string; party: string }> = [
  { name: 'Emil Adén', party: 'S' },
  { name: 'Lena Josefsson', party: 'S' },
  { name: 'Björn Häll Kellerman', party: 'V' },
  { name: 'Matilda Vigedal', party: 'V' },
  { name: 'Dan Guillou', party: 'MP' },
  { name: 'Greta Eulau', party: 'M' },
  { name: 'Fritz Lennaárd', party: 'M' },
  { name: 'Eva Rüdlinger', party: 'M' },
  { name: 'Merit Lindberg', party: 'M' },
  { name: 'Anne-Lie Elfvén', party: 'L' },
  { name: 'María Paniagua Dachner', party: 'C' },
  { name: 'Max Almflod', party: 'SD' },
  { name: 'Anna Rantala Bonnier', party: 'F!' },
]
