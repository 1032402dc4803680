import type { DemoCity, Region } from './demoCities'
import { pick } from './prng'

/**
 * Invented people's names that suit where a demo city is: a Turkish city's mayor is called
 * "Elif Yılmaz", not "Omar Mensah". Small lists of common first names and surnames, per
 * language area for the countries that have demo cities, per region for any other.
 */
export interface NameList {
  first: readonly string[]
  last: readonly string[]
}

/** A list for these countries (ISO 3 codes); first names split at spaces, surnames at commas. */
const names = (countries: string[], first: string, last: string) => ({
  countries,
  first: first.split(' '),
  last: last.split(','),
})

const lists = {
  english: names(
    ['GBR', 'IRL', 'USA', 'CAN'],
    'James Emma Oliver Sarah Daniel Grace Michael Hannah',
    'Walker,Bennett,Hughes,Carter,Mitchell,Foster,Sullivan,Reid',
  ),
  german: names(
    ['DEU', 'AUT'],
    'Lukas Anna Felix Julia Jonas Katharina Stefan Lena',
    'Müller,Schneider,Fischer,Weber,Becker,Hoffmann',
  ),
  french: names(
    ['FRA', 'BEL'],
    'Camille Louis Chloé Hugo Léa Julien Manon Thomas',
    'Martin,Bernard,Dubois,Lefèvre,Moreau,Girard',
  ),
  spanish: names(
    ['ESP'],
    'Lucía Javier Carmen Alejandro Sofía Diego Elena Pablo',
    'García,Fernández,López,Martínez,Romero,Navarro,Torres,Ruiz',
  ),
  portuguese: names(
    ['PRT'],
    'João Ana Pedro Beatriz Tiago Mariana Rafael Inês',
    'Silva,Santos,Ferreira,Oliveira,Costa,Pereira,Almeida',
  ),
  italian: names(
    ['ITA'],
    'Giulia Marco Francesca Luca Chiara Matteo Sara Andrea',
    'Rossi,Russo,Bianchi,Romano,Colombo,Ricci',
  ),
  dutch: names(
    ['NLD'],
    'Daan Sanne Thijs Lotte Bram Femke Joost Eva',
    'de Vries,Jansen,Bakker,Visser,Smit,van Dijk',
  ),
  westSlavic: names(
    ['POL', 'CZE'],
    'Piotr Katarzyna Tomasz Agnieszka Jakub Magdalena Petr Tereza',
    'Nowak,Kowalczyk,Wójcik,Mazur,Dvořák,Novák',
  ),
  nordic: names(
    ['SWE', 'FIN'],
    'Erik Astrid Johan Ingrid Lars Elin Mikko Aino',
    'Lindqvist,Andersson,Nilsson,Berg,Korhonen,Virtanen',
  ),
  greek: names(
    ['GRC'],
    'Giorgos Maria Nikos Eleni Dimitris Sofia Kostas Anna',
    'Papadopoulos,Nikolaou,Georgiou,Pappas,Dimitriou',
  ),
  latinAmerican: names(
    ['MEX', 'ARG', 'CHL', 'COL', 'PER', 'CRI', 'URY', 'ECU'],
    'María José Camila Santiago Valentina Mateo Gabriela Andrés',
    'González,Rodríguez,Hernández,Ramírez,Castillo,Vargas,Morales,Rojas',
  ),
  brazilian: names(
    ['BRA'],
    'Lucas Ana Gabriel Juliana Rafael Fernanda Bruno Larissa',
    'Souza,Lima,Carvalho,Ribeiro,Barbosa,Rocha,Gomes',
  ),
  southernAfrican: names(
    ['ZAF'],
    'Thabo Lerato Sipho Naledi Johan Zanele Pieter Ayanda',
    'Nkosi,Dlamini,Mokoena,van der Merwe,Khumalo,Botha',
  ),
  eastAfrican: names(
    ['KEN', 'TZA', 'RWA', 'ETH'],
    'Wanjiru Baraka Amani Neema Juma Achieng Tesfaye Abebe',
    'Otieno,Mwangi,Kamau,Njoroge,Uwimana,Mengistu,Mollel',
  ),
  westAfrican: names(
    ['NGA', 'GHA', 'SEN'],
    'Kofi Ama Kwame Adaeze Chinedu Fatou Moussa Aminata',
    'Mensah,Owusu,Boateng,Okafor,Adeyemi,Ndiaye,Diop',
  ),
  maghrebi: names(
    ['MAR'],
    'Youssef Fatima Karim Salma Mehdi Nadia Omar Khadija',
    'El Amrani,Benali,Alaoui,Idrissi,Tazi,Berrada',
  ),
  arabic: names(
    ['JOR', 'ARE', 'SAU'],
    'Omar Layla Khalid Noura Ahmad Rania Faisal Huda',
    'Haddad,Al-Masri,Khalil,Al-Harbi,Nasser,Saleh',
  ),
  hebrew: names(
    ['ISR'],
    'Noam Tamar Yossi Noa Eitan Maya Avi Shira',
    'Cohen,Levi,Mizrahi,Peretz,Biton,Friedman',
  ),
  turkish: names(
    ['TUR'],
    'Elif Mehmet Zeynep Mustafa Ayşe Emre Selin Burak',
    'Yılmaz,Kaya,Demir,Şahin,Çelik,Aydın,Öztürk',
  ),
  japanese: names(
    ['JPN'],
    'Haruto Yui Sota Aoi Ren Hina Takashi Yuki',
    'Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito',
  ),
  korean: names(
    ['KOR'],
    'Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo Hyun-woo Su-bin',
    'Kim,Lee,Park,Choi,Jung,Kang',
  ),
  indian: names(
    ['IND'],
    'Aarav Priya Rohan Ananya Vikram Kavya Arjun Meera',
    'Sharma,Patel,Iyer,Reddy,Gupta,Nair,Singh',
  ),
  indonesian: names(['IDN'], 'Budi Siti Agus Dewi Rizky Putri', 'Santoso,Wijaya,Hidayat,Saputra,Kusuma'),
  filipino: names(
    ['PHL'],
    'Jose Maria Mark Kristine Paolo Angelica',
    'Santos,Reyes,Cruz,Bautista,Garcia,Mendoza',
  ),
  vietnamese: names(['VNM'], 'Minh Linh Tuan Huong Duc Lan', 'Nguyen,Tran,Le,Pham,Hoang,Vu'),
  thai: names(
    ['THA'],
    'Somchai Nittaya Anan Siriporn Kittisak Ploy',
    'Saetang,Srisuk,Wongsa,Chaiyaporn,Thongdee',
  ),
  oceanian: names(
    ['AUS', 'NZL'],
    'Jack Olivia William Charlotte Lachlan Mia Aroha Tama',
    'Smith,Wilson,Taylor,Ngata,Thompson,Parata',
  ),
}
type ListName = keyof typeof lists

/** For a country no list names. */
const listOfRegion: Record<Region, ListName> = {
  Europe: 'english',
  'North America': 'english',
  'Latin America': 'latinAmerican',
  Africa: 'eastAfrican',
  'Asia-Pacific': 'oceanian',
  'Middle East': 'arabic',
}

/** The names a city's people are drawn from: its country's list, or its region's. */
export function namesFor(city: Pick<DemoCity, 'iso3' | 'region'>): NameList {
  const ofCountry = Object.values(lists).find((list) => list.countries.includes(city.iso3))
  return ofCountry ?? lists[listOfRegion[city.region]]
}

/** A first name and a surname from the city's list; two draws from `rng`, so a seed gives one name. */
export function personName(city: Pick<DemoCity, 'iso3' | 'region'>, rng: () => number): string {
  const { first, last } = namesFor(city)
  return `${pick(rng, first)} ${pick(rng, last)}`
}
