/**
 * Suggestions for `/feeds add url:`. Most are WordPress sites, which serve their posts at `/feed/`.
 * Moderators can add any other RSS, Atom or RDF feed by its address.
 */
export const CAREER_FEEDS: readonly { name: string; url: string }[] = [
  {
    name: "INALJ (I Need A Library Job): jobs and job-hunting articles",
    url: "https://inalj.com/?feed=rss2",
  },
  { name: "Hiring Librarians: what library hiring managers say", url: "https://hiringlibrarians.com/feed/" },
  { name: "Academic Library Jobs", url: "https://academiclibraryjobs.net/feed/" },
  { name: "Hack Library School: written by LIS students", url: "https://hacklibraryschool.com/feed/" },
  { name: "In the Library with the Lead Pipe", url: "https://www.inthelibrarywiththeleadpipe.org/feed/" },
  { name: "Ask a Manager: workplace and job-search advice", url: "https://www.askamanager.org/feed" },
];
