import type { LibraryTypeSlug } from "./library-types.js";

/**
 * What a job-seeker should know about hiring in one kind of library. Our own summaries of public
 * sources; `sources` names the organizations each card's facts were checked against.
 */
export interface SectorCard {
  entryTitles: readonly string[];
  required: readonly string[];
  preferred: readonly string[];
  postings: readonly string[];
  timeline: readonly string[];
  salaryData: readonly string[];
  /** The type's own associations; the affinity groups are shared by every card. */
  associations: readonly string[];
  sources: readonly string[];
}

/** Groups for librarians of color, useful in every sector (all affiliated with ALA). */
export const AFFINITY_GROUPS = [
  "BCALA (Black Caucus of the ALA)",
  "REFORMA (Latino and Spanish-speaking library services)",
  "APALA (Asian Pacific American Librarians Association)",
  "AILA (American Indian Library Association)",
  "CALA (Chinese American Librarians Association)",
] as const;

const BLS =
  "BLS Occupational Outlook Handbook: Librarians and Library Media Specialists (national median pay)";
const ALA_APA = "ALA-APA Salary Survey: Librarian – Public and Academic (by library size, region and state)";
const ALA_MLIS = "ALA-accredited master's degree (MLS/MLIS) for professional posts";
const JOBLIST = "ALA JobLIST";
const NO_TIMELINE = "No published timeline we could confirm: ask a librarian in this sector (`/findmentor`)";
const ACADEMIC_SEARCH =
  "Academic searches are slow: often three to six months from applying to an answer, with a phone or video screen, then a full-day campus interview that includes a presentation";

export const SECTOR_CARDS: Record<LibraryTypeSlug, SectorCard> = {
  academic: {
    entryTitles: [
      "Research and instruction librarian",
      "Subject or liaison librarian",
      "First-year experience librarian",
      "Metadata or cataloging librarian",
    ],
    required: [ALA_MLIS],
    preferred: ["Teaching or instruction experience"],
    postings: [
      JOBLIST,
      "University and college HR sites (many searches are posted only there)",
      "College & Research Libraries News and the Chronicle of Higher Education classifieds",
    ],
    timeline: [ACADEMIC_SEARCH],
    salaryData: ["ARL Annual Salary Survey (research libraries, including beginning salaries)", ALA_APA, BLS],
    associations: [
      "ACRL (Association of College and Research Libraries)",
      "ARL (Association of Research Libraries)",
    ],
    sources: [
      "ALA (New Members Round Table, Office for HR Development and Recruitment)",
      "ARL",
      "ALA-APA",
      "BLS",
      "Hack Library School",
    ],
  },
  "public-library": {
    entryTitles: [
      "Librarian I",
      "Adult services or reference librarian",
      "Children's or teen librarian",
      "Branch librarian",
    ],
    required: [ALA_MLIS],
    preferred: ["Evening and weekend availability (public libraries keep long hours)"],
    postings: [
      JOBLIST,
      "City and county HR and civil-service lists",
      "State and regional library association job pages",
    ],
    timeline: [
      "Where the library is under civil service, expect an exam or ranked list before interviews, which adds time",
    ],
    salaryData: [ALA_APA, BLS],
    associations: ["PLA (Public Library Association)", "ALSC and YALSA (youth services)"],
    sources: ["ALA (Office for HR Development and Recruitment)", "ALA-APA", "BLS", "Hiring Librarians"],
  },
  school: {
    entryTitles: ["School librarian", "Library media specialist", "Teacher librarian"],
    required: [
      "State school-librarian (library media) certification; many states also require a teaching license",
    ],
    preferred: [
      "Master's in library science or education (required in some states)",
      "Classroom teaching experience",
    ],
    postings: [
      "School-district HR portals",
      "State education-department job boards",
      "State school library association lists",
    ],
    timeline: [
      "Certification rules differ by state and can take a year or more of study to meet: check your state's before you apply",
      NO_TIMELINE,
    ],
    salaryData: [BLS],
    associations: [
      "AASL (American Association of School Librarians)",
      "Your state school library association",
    ],
    sources: [
      "BLS",
      "School Library Journal",
      "EveryLibrary Institute",
      "Syracuse University iSchool licensure notice",
    ],
  },
  special: {
    entryTitles: [
      "Librarian or information specialist",
      "Research analyst",
      "Knowledge or information manager",
    ],
    required: ["Usually a master's in library or information science"],
    preferred: ["Subject knowledge in the organization's field", "Database and research-tool skills"],
    postings: [JOBLIST, "The organization's own careers page", "Subject association job lists"],
    timeline: [NO_TIMELINE],
    salaryData: [BLS],
    associations: ["SLA (Special Libraries Association; check its status, it announced plans to dissolve)"],
    sources: ["SLA", "BLS", "ALA (Office for HR Development and Recruitment)"],
  },
  archives: {
    entryTitles: ["Archivist", "Project or processing archivist", "Archives assistant", "Digital archivist"],
    required: [
      "Usually a master's degree; the MLS/MLIS has grown more common among archivists (A*CENSUS II)",
    ],
    preferred: [
      "Certified Archivist (Academy of Certified Archivists): optional; needs a master's, experience and an exam",
      "Graduate archives coursework",
    ],
    postings: [
      "Archives Gig",
      "USAJOBS (series 1420 Archivist) for federal archives",
      "University and museum HR sites",
      "Regional archives associations",
    ],
    timeline: [
      "Term and project (contingent) jobs are common early on; New England Archivists surveyed them",
      "University archives follow the academic search pace: months, with an on-site interview",
    ],
    salaryData: ["SAA A*CENSUS II (salaries, education and job placement of archivists)", BLS],
    associations: [
      "SAA (Society of American Archivists)",
      "Academy of Certified Archivists",
      "Regional groups, e.g. New England Archivists",
    ],
    sources: [
      "SAA",
      "Academy of Certified Archivists",
      "Ithaka S+R",
      "ALA (federal employment resources)",
      "New England Archivists",
      "Hiring Librarians",
    ],
  },
  "rare-books": {
    entryTitles: [
      "Special collections librarian",
      "Rare book cataloger",
      "Curator or assistant curator",
      "Special collections instruction librarian",
    ],
    required: [ALA_MLIS],
    preferred: [
      "Reading knowledge of the languages in the collection",
      "Knowledge of book history and the book trade",
      "Special collections experience (internships and student jobs count)",
    ],
    postings: [
      JOBLIST,
      "University and independent research library HR sites",
      "Archives Gig (for many special collections posts)",
    ],
    timeline: [ACADEMIC_SEARCH],
    salaryData: [
      "ARL Annual Salary Survey (research libraries, where most special collections sit)",
      ALA_APA,
      BLS,
    ],
    associations: [
      "RBMS (Rare Books and Manuscripts Section of ACRL)",
      "SAA (Society of American Archivists)",
    ],
    sources: [
      "RBMS (careers FAQ)",
      "ARL (salary survey, SPEC Kit on special collections)",
      "IFLA Rare Books and Special Collections Section",
      "ALA-APA",
      "BLS",
    ],
  },
  law: {
    entryTitles: [
      "Reference or research librarian",
      "Research services librarian (law firm)",
      "Court or county law librarian",
      "Technical services librarian",
    ],
    required: ["ALA-accredited master's degree for most posts"],
    preferred: [
      "JD: often wanted for law school reference posts, and law school library directors usually hold one",
      "Rarely required in firms, courts or county law libraries",
    ],
    postings: [
      "AALL career resources and its chapters' job lists",
      "Law school HR sites",
      "USAJOBS (series 1410) for federal courts and agencies",
    ],
    timeline: ["Law school posts follow the academic pace: months, with a campus interview", NO_TIMELINE],
    salaryData: [
      "AALL Biennial Salary Survey (academic, firm and government law libraries)",
      "ARL Annual Salary Survey (its law library tables)",
      BLS,
    ],
    associations: [
      "AALL (American Association of Law Libraries)",
      "Its special-interest sections for academic, firm and government law libraries",
    ],
    sources: ["AALL", "ARL", "LLRX", "BLS"],
  },
  medical: {
    entryTitles: [
      "Clinical or hospital librarian",
      "Health sciences liaison librarian",
      "Research and education librarian",
    ],
    required: [ALA_MLIS],
    preferred: [
      "AHIP (Academy of Health Information Professionals): optional; some employers ask for or recommend it",
    ],
    postings: ["Hospital and health-system HR sites", "Medical school and university HR sites", JOBLIST],
    timeline: [
      "Medical school libraries follow the academic pace: months, with a campus interview",
      NO_TIMELINE,
    ],
    salaryData: [
      "MLA salary surveys (Medical Library Association)",
      "ARL Annual Salary Survey (its health sciences tables)",
      BLS,
    ],
    associations: ["MLA (Medical Library Association)", "MLA's regional chapters"],
    sources: ["MLA (mlanet.org)", "ARL", "BLS"],
  },
  government: {
    entryTitles: [
      "Librarian (GS-1410), often posted at GS-9 to 11",
      "Reference librarian",
      "Library technician (GS-1411)",
    ],
    required: [ALA_MLIS, "US citizenship for most federal posts"],
    preferred: ["Security clearance for some agency libraries"],
    postings: [
      "USAJOBS (series 1410 Librarian, 1411 Library Technician, 1420 Archivist)",
      "State civil-service job sites",
      "Library of Congress jobs (also on USAJOBS)",
    ],
    timeline: [
      "Federal announcements may be open only days and can close early once enough people apply",
      "Civil-service eligibility steps add time between applying and an offer",
    ],
    salaryData: [
      "The GS pay tables (each USAJOBS announcement states its grade and range)",
      "ARL Annual Salary Survey (federal and nonuniversity research libraries)",
      BLS,
    ],
    associations: ["FAFLRT (Federal and Armed Forces Libraries Round Table of ALA)"],
    sources: ["USAJOBS announcements", "ALA (federal employment resources)", "ARL", "BLS"],
  },
  museum: {
    entryTitles: [
      "Museum librarian",
      "Archivist or library assistant",
      "Visual resources curator",
      "Cataloger",
    ],
    required: ["Usually a master's in library science"],
    preferred: ["Art history or subject degree", "Image and digital media skills"],
    postings: ["ARLIS/NA chapter job pages", "Museum HR and careers pages", "Archives Gig (museum archives)"],
    timeline: [NO_TIMELINE, "Some museum library posts are part-time: check the hours in the posting"],
    salaryData: [BLS],
    associations: [
      "ARLIS/NA (Art Libraries Society of North America)",
      "ArLiSNAP (its students and new professionals group)",
    ],
    sources: ["ARLIS/NA and its chapters", "BLS"],
  },
  corporate: {
    entryTitles: [
      "Research analyst",
      "Information specialist",
      "Knowledge management specialist",
      "Competitive intelligence analyst",
    ],
    required: ["No fixed rule; a master's in library or information science is usual"],
    preferred: ["Business or industry database skills", "Subject knowledge of the industry"],
    postings: ["Company careers pages", "General job sites (titles rarely say librarian)"],
    timeline: [NO_TIMELINE],
    salaryData: [BLS],
    associations: ["SLA (Special Libraries Association; check its status, it announced plans to dissolve)"],
    sources: ["SLA", "BLS"],
  },
  "community-college": {
    entryTitles: [
      "Reference and instruction librarian",
      "Public services librarian",
      "Technical services librarian",
    ],
    required: [ALA_MLIS],
    preferred: ["Teaching or instruction experience"],
    postings: [JOBLIST, "College HR sites", "State community-college system job boards"],
    timeline: [ACADEMIC_SEARCH],
    salaryData: [ALA_APA, BLS],
    associations: [
      "ACRL (its Community and Junior College Libraries Section)",
      "Your state library association",
    ],
    sources: ["ALA-APA", "ALA (New Members Round Table)", "BLS"],
  },
};
