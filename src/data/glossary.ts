import type { LibraryTypeSlug } from "./library-types.js";

/** The groups the /glossary index shows, in order. */
export const GLOSSARY_AREAS = [
  { id: "careers", name: "Degrees, hiring and careers" },
  { id: "service", name: "Reference, teaching and public services" },
  { id: "collections", name: "Collections and technical services" },
  { id: "archives", name: "Archives, special collections and records" },
  { id: "research", name: "Research support and scholarly communication" },
  { id: "youth", name: "School and youth services" },
  { id: "specialties", name: "Health, law, government and corporate" },
  { id: "associations", name: "Associations" },
] as const;

export type GlossaryAreaId = (typeof GLOSSARY_AREAS)[number]["id"];

export interface GlossaryEntry {
  term: string;
  aliases: readonly string[];
  area: GlossaryAreaId;
  /** One to three plain sentences, under 400 characters. */
  definition: string;
  /** The kinds of library where you hear it; empty means every kind. */
  libraryTypes: readonly LibraryTypeSlug[];
  /** The jobs it belongs to, in lower case. */
  roles: readonly string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  // Degrees, hiring and careers
  {
    term: "MLIS",
    aliases: ["MLS", "MLIS/MLS", "MSLS", "MSIS", "master's in library science", "library degree"],
    area: "careers",
    definition:
      "The master's degree most librarian jobs ask for. Schools call it MLIS, MLS, MSLS, MSIS and more, but employers treat the names alike; what matters is usually that the program is ALA-accredited.",
    libraryTypes: [],
    roles: ["librarian"],
  },
  {
    term: "ALA accreditation",
    aliases: ["ALA-accredited", "accredited program", "accredited degree"],
    area: "careers",
    definition:
      "The American Library Association reviews master's programs in library and information studies in the US, Canada and Puerto Rico. An ad asking for an ALA-accredited MLIS means a degree from one of those programs, and many employers require it for librarian titles.",
    libraryTypes: [],
    roles: ["librarian"],
  },
  {
    term: "Practicum",
    aliases: ["field experience", "field placement", "library internship"],
    area: "careers",
    definition:
      "Supervised work in a library for credit during a library degree, usually a set number of hours with a site supervisor. Interviewers often ask about it, so keep notes on the projects you could describe.",
    libraryTypes: [],
    roles: ["library school student"],
  },
  {
    term: "Residency",
    aliases: ["resident librarian", "residency program", "diversity residency"],
    area: "careers",
    definition:
      "A paid, fixed-term first job for new graduates, often one to three years, with rotations through departments and a mentor. Many are meant for people from groups underrepresented in librarianship, and most are in academic and research libraries.",
    libraryTypes: ["academic"],
    roles: ["resident librarian", "new graduate"],
  },
  {
    term: "Paraprofessional",
    aliases: [
      "library assistant",
      "library technician",
      "library associate",
      "support staff",
      "paraprofessional staff",
    ],
    area: "careers",
    definition:
      "Library staff in jobs that do not require the master's degree, with titles like library assistant, associate or technician. Where the line falls differs from library to library, and many librarians started in these jobs.",
    libraryTypes: [],
    roles: ["library assistant", "library technician"],
  },
  {
    term: "Continuing appointment",
    aliases: ["continuing status", "permanent status", "continuing contract"],
    area: "careers",
    definition:
      "A form of job security some universities give librarians who are not on a faculty tenure track, granted after a probationary review much like tenure. Ask what the review expects in librarianship, research and service.",
    libraryTypes: ["academic"],
    roles: ["academic librarian"],
  },
  {
    term: "Tenure track",
    aliases: ["tenure", "faculty status", "librarian faculty status", "promotion and tenure"],
    area: "careers",
    definition:
      "Where librarians have faculty status, new hires serve a probationary period, often about six years, that ends in a tenure review of their librarianship, scholarship and service. Ask how much publishing is expected and how much time the job gives for it.",
    libraryTypes: ["academic", "community-college"],
    roles: ["academic librarian"],
  },
  {
    term: "Cover letter for library jobs",
    aliases: ["cover letter", "letter of application", "application letter"],
    area: "careers",
    definition:
      "Library search committees often score cover letters against the required and preferred qualifications in the ad. Take each qualification in turn, in the ad's order, and give a concrete example of how you meet it.",
    libraryTypes: [],
    roles: ["job-seeker"],
  },
  {
    term: "Job talk",
    aliases: ["candidate presentation", "interview presentation", "teaching demonstration", "teaching demo"],
    area: "careers",
    definition:
      "A presentation given during a final-round interview, on a topic the committee sets, to library staff and sometimes faculty or students. It shows how you teach, organize ideas and handle questions.",
    libraryTypes: ["academic", "community-college"],
    roles: ["job-seeker", "academic librarian"],
  },
  {
    term: "Search committee",
    aliases: ["hiring committee", "screening committee"],
    area: "careers",
    definition:
      "A group of colleagues, sometimes with faculty or community members, who read applications, run the interviews and recommend whom to hire. Searches with committees, common in academic libraries, often take months from posting to offer.",
    libraryTypes: ["academic", "community-college", "public-library"],
    roles: ["job-seeker", "hiring manager"],
  },
  {
    term: "Rule of three",
    aliases: ["eligible list", "civil service list", "civil service exam", "reachable"],
    area: "careers",
    definition:
      "In civil service hiring, used by many public libraries in New York and some other states, candidates take an exam and are ranked on an eligible list. The library may appoint only from the three highest-ranked people willing to take the job, and tied scores share a rank, so more than three can be reachable.",
    libraryTypes: ["public-library", "government"],
    roles: ["public librarian"],
  },
  {
    term: "Informational interview",
    aliases: ["info interview", "informational", "informational meeting"],
    area: "careers",
    definition:
      "A short conversation with someone doing a job you are curious about, to learn how the work really goes. It is not a job interview, and you don't ask for a job; see /guide for how to ask and what to say.",
    libraryTypes: [],
    roles: ["job-seeker"],
  },
  // Reference, teaching and public services
  {
    term: "Reference interview",
    aliases: ["reference question", "reference transaction"],
    area: "service",
    definition:
      "The conversation a librarian uses to find out what someone really needs, since the first question asked is often broader or narrower than the real one. Open questions, listening and checking back at the end are the core of it.",
    libraryTypes: [],
    roles: ["reference librarian"],
  },
  {
    term: "Readers' advisory",
    aliases: ["RA", "book recommendations"],
    area: "service",
    definition:
      "Helping someone find their next book from what they enjoyed, asking about pace, tone and characters rather than only genre. It is a core public library skill, and interviews often test it with a what-would-you-recommend question.",
    libraryTypes: ["public-library", "school"],
    roles: ["public librarian", "youth services librarian"],
  },
  {
    term: "One-shot",
    aliases: ["one-shot session", "instruction session", "library instruction session"],
    area: "service",
    definition:
      "A single library class a librarian teaches inside someone else's course, often 50 to 75 minutes on finding and judging sources for an assignment. Instruction jobs at colleges can involve dozens of them a semester.",
    libraryTypes: ["academic", "community-college"],
    roles: ["instruction librarian", "liaison librarian"],
  },
  {
    term: "Information literacy",
    aliases: ["infolit", "library instruction"],
    area: "service",
    definition:
      "The abilities to find, evaluate, use and create information well, which libraries teach through classes, workshops and guides. Ads for teaching librarians use it as shorthand for the instruction program.",
    libraryTypes: ["academic", "community-college", "school"],
    roles: ["instruction librarian", "school librarian"],
  },
  {
    term: "ACRL Framework",
    aliases: ["Framework for Information Literacy", "the Framework", "threshold concepts"],
    area: "service",
    definition:
      "ACRL's Framework for Information Literacy for Higher Education, adopted in 2016, organizes teaching around six frames such as Authority Is Constructed and Contextual. Academic interviews often ask how you would use it in a lesson.",
    libraryTypes: ["academic", "community-college"],
    roles: ["instruction librarian"],
  },
  {
    term: "Liaison",
    aliases: ["liaison librarian", "subject librarian", "subject specialist", "departmental liaison"],
    area: "service",
    definition:
      "A librarian assigned to one or more academic departments, who teaches their classes, buys for their subjects and helps their faculty and students with research. Ads may say subject librarian or subject specialist instead.",
    libraryTypes: ["academic", "community-college"],
    roles: ["liaison librarian"],
  },
  {
    term: "Embedded librarian",
    aliases: ["embedded", "embedded librarianship"],
    area: "service",
    definition:
      "A librarian who works inside a course, research team or department rather than waiting at the library, for example in a course's online site or on a hospital's clinical rounds.",
    libraryTypes: ["academic", "medical", "corporate"],
    roles: ["liaison librarian", "clinical librarian"],
  },
  {
    term: "Outreach",
    aliases: ["community engagement", "community outreach", "programming"],
    area: "service",
    definition:
      "Taking library services to people who don't come in, through visits to schools, senior centers and community events, and through partnerships with local groups. Public library ads often pair it with programming.",
    libraryTypes: ["public-library", "academic"],
    roles: ["outreach librarian", "public librarian"],
  },
  {
    term: "UX",
    aliases: ["user experience", "usability", "UX librarian"],
    area: "service",
    definition:
      "User experience work studies how people really use the library's website, catalog and spaces, with methods like usability tests and interviews, and then improves them. Some larger libraries have UX librarian positions.",
    libraryTypes: ["academic", "public-library"],
    roles: ["UX librarian", "web librarian"],
  },
  {
    term: "Assessment",
    aliases: ["library assessment", "assessment librarian", "evaluation"],
    area: "service",
    definition:
      "Finding out whether library services and teaching work, with methods from surveys and usage counts to student learning outcomes, and using what you learn to decide. Many ads mention it, so ask how the library uses its data.",
    libraryTypes: [],
    roles: ["assessment librarian", "manager"],
  },
  {
    term: "Access services",
    aliases: ["access services department", "user services"],
    area: "service",
    definition:
      "The department that runs circulation, course reserves and often interlibrary loan and the stacks. It is a common way into academic libraries and a common first management job.",
    libraryTypes: ["academic", "community-college"],
    roles: ["access services librarian", "library assistant"],
  },
  {
    term: "Circulation",
    aliases: ["circ", "circulation desk", "checkout", "lending"],
    area: "service",
    definition:
      "Lending and returning materials and managing patron accounts, holds and fines, usually at the front desk. Circulation experience appears in many public library ads, even for librarian jobs.",
    libraryTypes: [],
    roles: ["library assistant", "circulation supervisor"],
  },
  {
    term: "ILL",
    aliases: ["interlibrary loan", "resource sharing", "document delivery", "ILLiad"],
    area: "service",
    definition:
      "Interlibrary loan borrows items a library lacks from other libraries and lends its own in return, usually through OCLC's systems. Larger libraries often call the department resource sharing.",
    libraryTypes: [],
    roles: ["resource sharing librarian", "library assistant"],
  },
  {
    term: "Public services",
    aliases: ["public service", "front-line services", "user-facing services"],
    area: "service",
    definition:
      "The parts of a library that work directly with its users, such as reference, instruction, circulation and outreach, as opposed to technical services behind the scenes.",
    libraryTypes: [],
    roles: ["reference librarian", "public services librarian"],
  },
  {
    term: "Intellectual freedom",
    aliases: [
      "censorship",
      "book challenge",
      "challenged books",
      "reconsideration",
      "Library Bill of Rights",
    ],
    area: "service",
    definition:
      "The right to read and seek information without censorship, set out in ALA's Library Bill of Rights. Public and school library interviews often ask how you would handle a challenge to a book, which should follow the library's written reconsideration policy.",
    libraryTypes: ["public-library", "school"],
    roles: ["public librarian", "school librarian"],
  },
  // Collections and technical services
  {
    term: "Collection development",
    aliases: ["collection management", "selector", "collection development policy", "CDP"],
    area: "collections",
    definition:
      "Choosing what the library buys, keeps and cancels, guided by a written collection development policy, a budget and what its users need. Selectors often divide the work by subject, format or age group.",
    libraryTypes: [],
    roles: ["collection development librarian", "liaison librarian"],
  },
  {
    term: "Weeding",
    aliases: ["deselection", "CREW", "MUSTIE"],
    area: "collections",
    definition:
      "Removing worn, outdated or unused items so the rest of the collection stays useful and easy to browse. Many public and school libraries follow the CREW method and its MUSTIE criteria, and interviewers may ask how you'd explain weeding to an upset patron.",
    libraryTypes: ["public-library", "school", "academic"],
    roles: ["collection development librarian", "school librarian"],
  },
  {
    term: "Acquisitions",
    aliases: ["ordering", "approval plan", "acquisitions librarian"],
    area: "collections",
    definition:
      "Ordering, receiving and paying for materials, and managing vendor accounts and the budget lines they draw on. It is usually part of technical services.",
    libraryTypes: [],
    roles: ["acquisitions librarian", "library technician"],
  },
  {
    term: "Technical services",
    aliases: ["tech services", "technical processing", "collection services"],
    area: "collections",
    definition:
      "The departments that acquire, catalog, process and maintain the collection out of public view. Cataloging, acquisitions and e-resources jobs usually sit here.",
    libraryTypes: [],
    roles: ["cataloger", "acquisitions librarian", "e-resources librarian"],
  },
  {
    term: "Cataloging",
    aliases: ["cataloger", "cataloguing", "copy cataloging", "original cataloging"],
    area: "collections",
    definition:
      "Describing items and giving them subject headings and call numbers so people can find them. Copy cataloging adapts a record someone else made, while original cataloging creates a new one.",
    libraryTypes: [],
    roles: ["cataloger", "metadata librarian"],
  },
  {
    term: "MARC",
    aliases: ["MARC 21", "MARC record"],
    area: "collections",
    definition:
      "Machine-Readable Cataloging, the record format library catalogs have used since the late 1960s, with numbered fields such as 245 for the title. Cataloging jobs expect you to read and edit MARC records.",
    libraryTypes: [],
    roles: ["cataloger", "metadata librarian"],
  },
  {
    term: "RDA",
    aliases: ["Resource Description and Access", "AACR2"],
    area: "collections",
    definition:
      "Resource Description and Access, the cataloging standard that replaced AACR2 for describing works, the items that carry them and the people connected to them. The Library of Congress adopted it in 2013, and cataloging ads usually ask for RDA experience.",
    libraryTypes: [],
    roles: ["cataloger"],
  },
  {
    term: "Metadata",
    aliases: ["metadata librarian", "descriptive metadata", "Dublin Core", "MODS"],
    area: "collections",
    definition:
      "Structured information that describes a resource, such as its title, creator, date and subject, so it can be found and managed. Metadata librarians often work with schemas beyond MARC, such as Dublin Core or MODS, for digital collections and repositories.",
    libraryTypes: [],
    roles: ["metadata librarian", "cataloger"],
  },
  {
    term: "Authority control",
    aliases: ["authority records", "authority record", "name authority", "LCNAF", "NACO"],
    area: "collections",
    definition:
      "Keeping one agreed form of each name, subject and series in the catalog, with links from the other forms, so that all of an author's works turn up together. Catalogers rely on shared files such as the Library of Congress Name Authority File.",
    libraryTypes: [],
    roles: ["cataloger"],
  },
  {
    term: "OPAC",
    aliases: ["online catalog", "library catalog", "online public access catalog"],
    area: "collections",
    definition:
      "Online public access catalog, the searchable list of what a library holds. Many libraries now put a discovery layer in front of it, but the older term still turns up in ads.",
    libraryTypes: [],
    roles: ["systems librarian", "cataloger"],
  },
  {
    term: "ILS / LSP",
    aliases: [
      "ILS",
      "LSP",
      "integrated library system",
      "library services platform",
      "Alma",
      "FOLIO",
      "Koha",
    ],
    area: "collections",
    definition:
      "An integrated library system (ILS) runs cataloging, circulation and acquisitions; a library services platform (LSP) is its cloud successor that also manages e-resources. Ads often name the product, such as Alma, FOLIO, Koha, Sierra or Polaris.",
    libraryTypes: [],
    roles: ["systems librarian", "technical services librarian"],
  },
  {
    term: "Discovery layer",
    aliases: ["discovery", "discovery service", "discovery system", "Primo", "Summon", "VuFind"],
    area: "collections",
    definition:
      "One search box over the catalog, article databases and other collections, with a single ranked list of results. Common products include Primo, EBSCO Discovery Service, Summon and VuFind.",
    libraryTypes: ["academic", "public-library"],
    roles: ["systems librarian", "discovery librarian"],
  },
  {
    term: "E-resources",
    aliases: ["electronic resources", "ERM", "electronic resources management", "databases"],
    area: "collections",
    definition:
      "Databases, e-journals and e-books that a library licenses rather than owns. E-resources librarians manage the subscriptions, fix access problems and track usage.",
    libraryTypes: [],
    roles: ["e-resources librarian"],
  },
  {
    term: "Licensing",
    aliases: ["license", "license agreement", "license negotiation", "licenses"],
    area: "collections",
    definition:
      "Reviewing and negotiating the contracts under which a library gets e-resources: who may use them, from where, and whether they can be lent or used in courses. E-resources and acquisitions librarians do most of it.",
    libraryTypes: [],
    roles: ["e-resources librarian", "acquisitions librarian"],
  },
  {
    term: "COUNTER",
    aliases: ["COUNTER reports", "COUNTER 5", "SUSHI", "usage statistics"],
    area: "collections",
    definition:
      "A code of practice that makes vendors' e-resource usage reports consistent, so a library can compare use across platforms and work out cost per use. E-resources jobs often ask for experience with COUNTER reports and SUSHI, the protocol that collects them.",
    libraryTypes: ["academic", "medical", "public-library"],
    roles: ["e-resources librarian"],
  },
  {
    term: "Consortium",
    aliases: ["consortia", "library consortium", "library network"],
    area: "collections",
    definition:
      "A group of libraries that share things like a catalog, delivery, licenses or training to save money and reach more. State and regional consortia employ librarians too.",
    libraryTypes: [],
    roles: ["e-resources librarian", "systems librarian"],
  },
  {
    term: "Preservation",
    aliases: ["conservation", "preservation librarian", "conservator"],
    area: "collections",
    definition:
      "Keeping collections usable over time through good storage, careful handling, repair, reformatting and digital preservation. Conservation is the hands-on treatment of single items, done by trained conservators.",
    libraryTypes: ["academic", "archives", "museum"],
    roles: ["preservation librarian", "conservator", "archivist"],
  },
  {
    term: "Digitization",
    aliases: ["scanning", "digital collections", "digitization project"],
    area: "collections",
    definition:
      "Making digital copies of physical materials, with metadata and quality checks, to widen access and spare the originals. Digitization projects are common first jobs, and many are grant-funded and fixed-term.",
    libraryTypes: ["academic", "archives", "museum", "public-library"],
    roles: ["digital projects librarian", "archivist"],
  },
  // Archives, special collections and records
  {
    term: "Processing",
    aliases: ["archival processing", "arrangement and description", "MPLP", "More Product, Less Process"],
    area: "archives",
    definition:
      "Arranging an archival collection and describing it so researchers can use it, usually ending in a finding aid. You may hear MPLP (More Product, Less Process), an approach that processes at a broader level to shrink backlogs.",
    libraryTypes: ["archives"],
    roles: ["archivist", "processing archivist"],
  },
  {
    term: "Appraisal",
    aliases: ["archival appraisal"],
    area: "archives",
    definition:
      "Deciding which records have enough lasting value to keep in an archives, judging them as evidence, as information and by likely use. It is not the money value of a gift, which donors get from independent appraisers.",
    libraryTypes: ["archives", "government"],
    roles: ["archivist", "records manager"],
  },
  {
    term: "Deed of gift",
    aliases: ["gift agreement", "donor agreement", "donation agreement"],
    area: "archives",
    definition:
      "The signed agreement that transfers ownership of donated materials to an archives or library, often also covering copyright and any limits on access. Archivists draft and negotiate them with donors.",
    libraryTypes: ["archives", "museum", "academic"],
    roles: ["archivist", "curator"],
  },
  {
    term: "Finding aid",
    aliases: ["finding aids", "collection guide", "EAD", "Encoded Archival Description"],
    area: "archives",
    definition:
      "A description of an archival collection, with its background, scope, arrangement and a list of boxes and folders, that helps researchers decide what to ask for. Many are online, often encoded in EAD.",
    libraryTypes: ["archives"],
    roles: ["archivist", "processing archivist"],
  },
  {
    term: "Special collections",
    aliases: ["special collections librarian", "rare and special collections", "manuscripts"],
    area: "archives",
    definition:
      "Rare, unique or fragile materials kept apart from the general collection, such as rare books, manuscripts and archives, used in a supervised reading room. Special collections librarians also teach classes with them.",
    libraryTypes: ["academic", "archives", "museum"],
    roles: ["special collections librarian", "curator"],
  },
  {
    term: "Rare books",
    aliases: ["rare book", "rare book librarian", "RBMS"],
    area: "archives",
    definition:
      "Books valued for their age, scarcity, condition or history, cataloged in close detail and handled with care. ACRL's Rare Books and Manuscripts Section (RBMS) offers standards and training for this work.",
    libraryTypes: ["academic", "archives", "museum"],
    roles: ["rare books librarian", "special collections librarian"],
  },
  {
    term: "Provenance",
    aliases: ["chain of ownership", "respect des fonds", "ownership history"],
    area: "archives",
    definition:
      "Where materials came from and who created or owned them. In archives, the principle of provenance keeps each creator's records together and apart from others; in rare books it means the ownership history shown by bookplates and inscriptions.",
    libraryTypes: ["archives", "museum"],
    roles: ["archivist", "rare books librarian"],
  },
  {
    term: "Records management",
    aliases: ["records manager", "RIM", "records and information management"],
    area: "archives",
    definition:
      "Managing an organization's records from creation to disposal so it can find them, meet legal duties and destroy what it no longer needs. Records managers work in government, companies, universities and hospitals.",
    libraryTypes: ["government", "corporate", "archives"],
    roles: ["records manager"],
  },
  {
    term: "Retention schedule",
    aliases: ["records retention schedule", "records schedule", "disposition schedule", "retention"],
    area: "archives",
    definition:
      "A document that says how long each kind of record is kept and what happens to it after, usually destruction or transfer to an archives. It is the basic tool of records management.",
    libraryTypes: ["government", "corporate", "archives"],
    roles: ["records manager", "archivist"],
  },
  // Research support and scholarly communication
  {
    term: "Scholarly communication",
    aliases: ["scholcomm", "scholarly communications", "author rights"],
    area: "research",
    definition:
      "How research is created, published, shared and kept, and the library's part in it: open access, copyright advice, author rights and publishing support. Scholarly communication librarians work mostly at universities.",
    libraryTypes: ["academic"],
    roles: ["scholarly communication librarian"],
  },
  {
    term: "Open access",
    aliases: ["OA", "open access publishing", "APC", "article processing charge"],
    area: "research",
    definition:
      "Research that is free to read online, either published openly, sometimes for an article processing charge (APC), or deposited in a repository. Librarians advise authors, run funds and track funder policies.",
    libraryTypes: ["academic", "medical"],
    roles: ["scholarly communication librarian"],
  },
  {
    term: "Institutional repository",
    aliases: ["IR", "repository", "DSpace", "digital repository"],
    area: "research",
    definition:
      "A university's open online archive of its own research, such as articles, theses and data. Repository managers gather content, check copyright and add metadata.",
    libraryTypes: ["academic"],
    roles: ["repository manager", "scholarly communication librarian"],
  },
  {
    term: "Research data management",
    aliases: ["RDM", "data management", "data management plan", "DMP", "data librarian"],
    area: "research",
    definition:
      "Helping researchers plan, organize, describe, store and share their data, including the data management plans funders require. Data librarians may also teach data skills and run a data repository.",
    libraryTypes: ["academic", "medical"],
    roles: ["data librarian"],
  },
  {
    term: "GIS",
    aliases: ["geographic information systems", "GIS librarian", "map librarian", "geospatial"],
    area: "research",
    definition:
      "Geographic information systems, software such as ArcGIS and QGIS for mapping and analyzing data about places. GIS and map librarians find geospatial data and teach the tools.",
    libraryTypes: ["academic", "government"],
    roles: ["GIS librarian", "data librarian"],
  },
  {
    term: "Digital humanities",
    aliases: ["DH", "digital scholarship"],
    area: "research",
    definition:
      "Humanities research and teaching that use computational methods, such as text mining, mapping and online exhibits. Libraries support it through digital scholarship centers, consultations and projects with faculty.",
    libraryTypes: ["academic"],
    roles: ["digital scholarship librarian"],
  },
  {
    term: "Systematic review",
    aliases: ["systematic reviews", "evidence synthesis", "scoping review"],
    area: "research",
    definition:
      "A study that gathers and appraises all the evidence on a focused question, following a set protocol and reporting guidelines such as PRISMA. Health sciences librarians design its comprehensive searches and are often co-authors.",
    libraryTypes: ["medical", "academic"],
    roles: ["health sciences librarian"],
  },
  {
    term: "PICO",
    aliases: ["PICO question", "clinical question"],
    area: "research",
    definition:
      "A way to frame a clinical question by Patient or problem, Intervention, Comparison and Outcome, which then shapes the literature search. Medical librarians use it at the reference desk and in teaching.",
    libraryTypes: ["medical"],
    roles: ["health sciences librarian", "clinical librarian"],
  },
  {
    term: "Evidence-based practice",
    aliases: ["EBP", "evidence-based medicine", "EBM", "EBLIP"],
    area: "research",
    definition:
      "Making decisions from the best research evidence together with professional expertise and the values of the people served, an idea that began in medicine. Health sciences librarians teach it, and librarianship has its own version, EBLIP.",
    libraryTypes: ["medical"],
    roles: ["health sciences librarian"],
  },
  // School and youth services
  {
    term: "School librarian",
    aliases: ["certified school librarian", "school library teacher"],
    area: "youth",
    definition:
      "The title AASL adopted in 2010 for the certified educator who runs a K-12 school library, teaches information literacy and works with classroom teachers. Most states require a teaching license or a school library endorsement.",
    libraryTypes: ["school"],
    roles: ["school librarian"],
  },
  {
    term: "Teacher-librarian",
    aliases: ["teacher-librarianship"],
    area: "youth",
    definition:
      "Another name for a school librarian that stresses the teaching side of the job, used by some states and districts and in Canada and Australia. Ads may use it, school librarian or media specialist for much the same role.",
    libraryTypes: ["school"],
    roles: ["school librarian"],
  },
  {
    term: "Media specialist",
    aliases: ["library media specialist", "school library media specialist", "media center"],
    area: "youth",
    definition:
      "An older title for a school librarian that many districts still use in job postings. AASL prefers school librarian, but the work is much the same.",
    libraryTypes: ["school"],
    roles: ["school librarian"],
  },
  {
    term: "Fixed and flexible scheduling",
    aliases: [
      "fixed scheduling",
      "flexible scheduling",
      "fixed schedule",
      "flexible schedule",
      "flex scheduling",
    ],
    area: "youth",
    definition:
      "On a fixed schedule, classes come to the school library at a set time each week, often covering teachers' planning time; on a flexible schedule, teachers book the library when a lesson needs it. Ask which one a school uses, since it shapes the whole job.",
    libraryTypes: ["school"],
    roles: ["school librarian"],
  },
  {
    term: "Story time",
    aliases: ["story times", "lapsit", "baby story time"],
    area: "youth",
    definition:
      "A regular program of reading aloud, songs and rhymes for babies, toddlers or preschoolers and their caregivers, built around early literacy skills. Youth services interviews often ask you to describe or even perform one.",
    libraryTypes: ["public-library"],
    roles: ["children's librarian"],
  },
  {
    term: "Youth services",
    aliases: [
      "children's services",
      "children's librarian",
      "teen services",
      "teen librarian",
      "youth librarian",
    ],
    area: "youth",
    definition:
      "Library work with children and teens, from story times and school visits to summer reading and collections for young readers. Public libraries may split it into children's and teen departments.",
    libraryTypes: ["public-library"],
    roles: ["children's librarian", "teen librarian"],
  },
  // Health, law, government and corporate
  {
    term: "AHIP",
    aliases: ["Academy of Health Information Professionals"],
    area: "specialties",
    definition:
      "The Academy of Health Information Professionals, the Medical Library Association's credential for health information professionals, with levels from Provisional to Distinguished based on education, experience and accomplishments. Some health sciences employers prefer or reward it.",
    libraryTypes: ["medical"],
    roles: ["health sciences librarian"],
  },
  {
    term: "Bluebook",
    aliases: ["The Bluebook", "legal citation", "ALWD"],
    area: "specialties",
    definition:
      "The Bluebook: A Uniform System of Citation, the standard guide to legal citation in the US, compiled by the law reviews of several law schools. Law librarians teach and check it, and some ads also mention the ALWD Guide.",
    libraryTypes: ["law"],
    roles: ["law librarian"],
  },
  {
    term: "JD",
    aliases: ["juris doctor", "law degree"],
    area: "specialties",
    definition:
      "Juris Doctor, the US law degree. Many law school and court library jobs, especially director and reference roles, prefer or require both a JD and an MLIS.",
    libraryTypes: ["law"],
    roles: ["law librarian"],
  },
  {
    term: "FDLP",
    aliases: ["Federal Depository Library Program", "depository library", "government documents", "gov docs"],
    area: "specialties",
    definition:
      "The Federal Depository Library Program, run by the US Government Publishing Office, gives over 1,100 libraries federal publications at no cost, and they must keep them open to the public. Government documents librarians manage these collections.",
    libraryTypes: ["government", "academic", "public-library", "law"],
    roles: ["government documents librarian"],
  },
  {
    term: "1410 (Librarian series)",
    aliases: ["1410", "GS-1410", "librarian series", "federal librarian"],
    area: "specialties",
    definition:
      "The US federal job series for professional librarians, seen on USAJOBS: selecting, organizing, preserving and giving access to information through work such as collection development, cataloging and reference. It normally calls for a master's in library science.",
    libraryTypes: ["government"],
    roles: ["federal librarian"],
  },
  {
    term: "1412 (Technical information services)",
    aliases: ["1412", "GS-1412", "technical information specialist", "technical information services"],
    area: "specialties",
    definition:
      "The federal series for technical information specialists, who organize, find and share information in one subject field, such as science, medicine or engineering. It asks for subject knowledge more than a library degree.",
    libraryTypes: ["government"],
    roles: ["technical information specialist"],
  },
  {
    term: "1420 (Archivist series)",
    aliases: ["1420", "GS-1420", "federal archivist", "archivist series"],
    area: "specialties",
    definition:
      "The federal series for professional archivists, who appraise, arrange, describe, preserve and give access to records of lasting value, many at the National Archives. Its basic requirement is coursework in archival science, history or political science rather than a library degree, and archives technicians are a separate series, 1421.",
    libraryTypes: ["government", "archives"],
    roles: ["archivist"],
  },
  {
    term: "KM",
    aliases: ["knowledge management", "knowledge manager"],
    area: "specialties",
    definition:
      "Knowledge management, capturing and organizing what an organization knows, in documents, intranets and people's expertise, so staff can find and reuse it. Law firms and companies hire librarians into KM roles.",
    libraryTypes: ["corporate", "law", "special"],
    roles: ["knowledge manager", "corporate librarian"],
  },
  // Associations
  {
    term: "ALA",
    aliases: ["American Library Association", "JobLIST"],
    area: "associations",
    definition:
      "The American Library Association, the largest library association in the US, which accredits library degree programs and has divisions such as ACRL, AASL, ALSC and YALSA. Its JobLIST board carries many librarian jobs.",
    libraryTypes: [],
    roles: ["librarian"],
  },
  {
    term: "ACRL",
    aliases: ["Association of College and Research Libraries"],
    area: "associations",
    definition:
      "The Association of College and Research Libraries, the ALA division for academic librarians. It publishes the Framework for Information Literacy and standards for college libraries.",
    libraryTypes: ["academic", "community-college"],
    roles: ["academic librarian"],
  },
  {
    term: "PLA",
    aliases: ["Public Library Association"],
    area: "associations",
    definition:
      "The Public Library Association, the ALA division for public library workers, known for its conference every other year and Public Libraries magazine.",
    libraryTypes: ["public-library"],
    roles: ["public librarian"],
  },
  {
    term: "AASL",
    aliases: ["American Association of School Librarians"],
    area: "associations",
    definition:
      "The American Association of School Librarians, the ALA division for school librarians, which publishes the National School Library Standards. Its standards and position statements often come up in school library interviews.",
    libraryTypes: ["school"],
    roles: ["school librarian"],
  },
  {
    term: "YALSA",
    aliases: ["Young Adult Library Services Association"],
    area: "associations",
    definition:
      "The Young Adult Library Services Association, the ALA division for library work with teens, roughly ages 12 to 18. It gives the Printz Award and publishes guidelines for teen services.",
    libraryTypes: ["public-library", "school"],
    roles: ["teen librarian"],
  },
  {
    term: "ALSC",
    aliases: ["Association for Library Service to Children"],
    area: "associations",
    definition:
      "The Association for Library Service to Children, the ALA division for children's librarians, which awards the Newbery and Caldecott Medals. Its competencies for children's librarians make a useful interview checklist.",
    libraryTypes: ["public-library", "school"],
    roles: ["children's librarian"],
  },
  {
    term: "SAA",
    aliases: ["Society of American Archivists"],
    area: "associations",
    definition:
      "The Society of American Archivists, the main professional association for archivists in the US, with a job board, workshops and certificate programs. Its annual meeting is a common place to meet archivists.",
    libraryTypes: ["archives"],
    roles: ["archivist"],
  },
  {
    term: "MLA (Medical Library Association)",
    aliases: ["Medical Library Association"],
    area: "associations",
    definition:
      "The Medical Library Association, for health sciences librarians, which runs the AHIP credential and continuing education. Not to be confused with the Modern Language Association and its citation style.",
    libraryTypes: ["medical"],
    roles: ["health sciences librarian"],
  },
  {
    term: "AALL",
    aliases: ["American Association of Law Libraries"],
    area: "associations",
    definition:
      "The American Association of Law Libraries, the professional association for law librarians in firms, courts, law schools and government.",
    libraryTypes: ["law"],
    roles: ["law librarian"],
  },
];
