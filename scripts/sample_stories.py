"""The fictional sample corpus: four invented stories, each covered by three invented outlets.

Everything here is fiction written for Parallax: the city of Varrow, the country of Elsland,
every person, company and outlet. `build_sample.py` renders it to txt, HTML, JSONL and RSS.
Each article is a list of (kind, text) blocks; kind "p" is content, anything else is debris
planted the way scrapers leave it, and the builder records those as the cleaning gold.
"""

from __future__ import annotations

Block = tuple[str, str]

LEDGER_BIO = (
    "Mara Quist is a senior correspondent for The Varrow Ledger based in Varrow. "
    "She covers city hall and infrastructure."
)
LEDGER_SIGNUP = (
    "Sign up for The Ledger Briefing to get our top stories in your inbox every morning."
)
NORTHWIND_TIP = (
    "Got a story idea? Email us at tips@northwind-daily.example and we will follow it up."
)
NORTHWIND_FOLLOW = "Follow us on Twitter and Facebook for breaking news from the north."
CIVIC_COPYRIGHT = "© 2026 Civic Wire. All rights reserved."
POST_MISSION = "The Elsland Morning Post is committed to independent journalism. Support us today."
POST_SUBSCRIBE = "Subscribe to the Elsland Morning Post newsletter for unlimited access."

ARTICLES: list[dict[str, object]] = [
    # ---- Story 1: the Kessel dam floodgates ----------------------------------------------
    {
        "outlet": "The Varrow Ledger",
        "format": "html",
        "file": "ledger-kessel-dam.html",
        "url": "https://varrow-ledger.example/2026/03/03/kessel-dam-floodgates",
        "title": "Kessel dam opens floodgates as river nears record height",
        "subtitle": "Engineers say the release protects the old town; farmers downstream count the cost.",
        "author": "Mara Quist",
        "published": "2026-03-03T08:40:00+01:00",
        "blocks": [
            (
                "p",
                "Engineers at the Kessel dam opened three of its five floodgates on Monday night, "
                "after two weeks of rain pushed the reservoir to within forty centimetres of its crest.",
            ),
            ("caption", "PHOTO: A. NILSEN/VARROW LEDGER"),
            (
                "p",
                "\u201cWe had a choice between a controlled release now and an uncontrolled one on "
                "Wednesday,\u201d said Tomas Reyes, the dam\u2019s chief engineer. \u201cThe old town "
                "is safe because we acted early.\u201d",
            ),
            (
                "p",
                "Mayor Ilse Brandt praised the decision and said the city would open two emergency "
                "shelters in the Lowmarsh district as a precaution.",
            ),
            ("related", "Read more: How Varrow rebuilt its flood defences after 2019"),
            (
                "p",
                "Farmers along the lower Kessel said the water had already covered fields sown last "
                "month. The regional farmers\u2019 union estimated the damage at 2.4 million crowns.",
            ),
            (
                "p",
                "The dam authority said it would review the release schedule at a public meeting next Friday.",
            ),
            ("newsletter", LEDGER_SIGNUP),
            ("author_bio", LEDGER_BIO),
        ],
    },
    {
        "outlet": "Northwind Daily",
        "format": "rss",
        "file": "northwind-daily.rss",
        "url": "https://northwind-daily.example/news/kessel-release-farmers",
        "title": "Farmers left under water as Kessel dam dumps reservoir",
        "subtitle": "Downstream villages say nobody warned them before the gates opened.",
        "author": "Lena Park",
        "published": "Tue, 03 Mar 2026 10:15:00 +0100",
        "blocks": [
            ("byline", "By Lena Park"),
            (
                "p",
                "Villages below the Kessel dam woke on Tuesday to flooded roads and drowned winter "
                "wheat after the dam authority released water through the night.",
            ),
            (
                "p",
                "\u201cThey saved the city by sacrificing us,\u201d said Olaf Strand, who farms "
                "ninety hectares near Brennick. \u201cA text message would have been enough.\u201d",
            ),
            (
                "p",
                "The authority\u2019s chief engineer, Tomas Reyes, told reporters that warnings had been "
                "sent to municipal offices on Monday afternoon.",
            ),
            (
                "p",
                "Nadia Okafor of the campaign group River First said the flooding showed the dam was "
                "being run \u201cfor the convenience of the capital, not the people who live by the river.\u201d",
            ),
            ("solicitation", NORTHWIND_TIP),
            ("social", NORTHWIND_FOLLOW),
        ],
    },
    {
        "outlet": "Elsland Morning Post",
        "format": "txt",
        "file": "morning-post-kessel-dam.txt",
        "title": "Dam release spares Varrow old town",
        "subtitle": "Quick decision by engineers averts disaster, officials say",
        "blocks": [
            ("byline", "By Henrik Dahl"),
            ("correction", "Updated: March 3, 2026 09:15"),
            (
                "p",
                "A controlled release from the Kessel dam on Monday spared Varrow\u2019s historic old "
                "town from flooding, city officials said on Tuesday.",
            ),
            (
                "p",
                "Mayor Ilse Brandt called the engineers \u201cthe quiet heroes of this week\u201d and "
                "thanked residents who moved into the Lowmarsh shelters overnight.",
            ),
            (
                "p",
                "The release followed last month\u2019s warning by the national weather office that "
                "March rainfall could exceed the record set in 2019.",
            ),
            ("newsletter", POST_SUBSCRIBE),
            ("promo", POST_MISSION),
        ],
    },
    # ---- Story 2: the tram strike --------------------------------------------------------
    {
        "outlet": "The Varrow Ledger",
        "format": "html",
        "file": "ledger-tram-strike.html",
        "url": "https://varrow-ledger.example/2026/03/10/tram-strike",
        "title": "Tram drivers walk out over night-shift pay",
        "subtitle": "The first city-wide tram strike in eleven years halts all twelve lines.",
        "author": "Mara Quist",
        "published": "2026-03-10T07:05:00+01:00",
        "blocks": [
            (
                "p",
                "All twelve of Varrow\u2019s tram lines stood still on Tuesday as drivers began a "
                "48-hour strike over pay for night shifts.",
            ),
            (
                "p",
                "Pavel Lind, who leads the transport workers\u2019 union, said drivers had waited "
                "\u201cthree years for a raise that was promised in writing.\u201d",
            ),
            (
                "p",
                "Transport minister Greta Holm said the government had offered a 6 percent rise in "
                "January and called the strike \u201cdisproportionate and unfair to commuters.\u201d",
            ),
            ("related", "Read more: What the 2015 tram strike cost the city"),
            (
                "p",
                "Commuters crowded onto buses and ferries. The city said bike-share use doubled by midday.",
            ),
            ("p", "Talks are due to resume on Thursday, the union said."),
            ("newsletter", LEDGER_SIGNUP),
            ("author_bio", LEDGER_BIO),
        ],
    },
    {
        "outlet": "Civic Wire",
        "format": "jsonl",
        "file": "civic-wire.jsonl",
        "url": "https://civicwire.example/tram-strike-chaos",
        "title": "Strike chaos: commuters stranded as union digs in",
        "author": None,
        "published": "2026-03-10",
        "blocks": [
            (
                "p",
                "Hundreds of thousands of commuters were stranded on Tuesday as the tram union "
                "refused to call off its walkout.",
            ),
            (
                "p",
                "\u201cThis is a political strike dressed up as a pay dispute,\u201d transport minister "
                "Greta Holm said. \u201cThe offer on the table is generous.\u201d",
            ),
            ("related", "Most read in Civic Wire"),
            (
                "p",
                "Business owners in the centre said footfall fell by half. A bakery on Quay Street "
                "said it threw away two days of bread.",
            ),
            ("p", "The union\u2019s leader, Pavel Lind, did not answer calls on Tuesday."),
            ("related", "Related:"),
            ("related", "- Who pays when the trams stop?"),
            ("related", "- Minister: strikes cost the economy millions"),
            ("credit", CIVIC_COPYRIGHT),
        ],
    },
    {
        "outlet": "Elsland Morning Post",
        "format": "txt",
        "file": "morning-post-tram-strike.txt",
        "title": "Tram strike: drivers say night pay has not moved since 2023",
        "subtitle": "Union points to a written promise; ministry says its offer stands",
        "blocks": [
            ("byline", "By Henrik Dahl"),
            (
                "p",
                "Tram drivers in Varrow stopped work on Tuesday, saying pay for night shifts has not "
                "changed since a written promise made in 2023.",
            ),
            (
                "p",
                "\u201cWe drive the last trams home for nurses and cooks,\u201d said Pavel Lind of the "
                "transport workers\u2019 union. \u201cWe are asking for what we were promised.\u201d",
            ),
            (
                "p",
                "The transport ministry said its January offer of a 6 percent rise remained on the table.",
            ),
            ("p", "Last month\u2019s vote by union members backed the strike by 81 percent."),
            ("comments", "COMMENTS"),
            ("comments", "Anna B. says"),
            ("comments", "Good for them, the night trams are always full."),
        ],
    },
    # ---- Story 3: the hospital data breach ----------------------------------------------
    {
        "outlet": "Northwind Daily",
        "format": "rss",
        "file": "northwind-daily.rss",
        "url": "https://northwind-daily.example/news/st-aldric-breach",
        "title": "St. Aldric hospital admits patient records were stolen",
        "subtitle": "About 40,000 patients were affected, the hospital says.",
        "author": "Lena Park",
        "published": "Thu, 12 Mar 2026 16:30:00 +0100",
        "blocks": [
            (
                "p",
                "St. Aldric hospital said on Thursday that records of about 40,000 patients were "
                "copied by attackers who broke into its scheduling system in February.",
            ),
            (
                "p",
                "Chief executive Marcus Vell apologised and said the hospital had \u201cfound no "
                "evidence that medical histories were published.\u201d",
            ),
            (
                "p",
                "The national privacy commissioner, Ana Duarte, said her office had opened an inquiry "
                "and would decide by summer whether to fine the hospital.",
            ),
            (
                "correction",
                "Correction: An earlier version of this article gave the wrong month for the attack.",
            ),
            ("solicitation", NORTHWIND_TIP),
            ("social", NORTHWIND_FOLLOW),
        ],
    },
    {
        "outlet": "Civic Wire",
        "format": "jsonl",
        "file": "civic-wire.jsonl",
        "url": "https://civicwire.example/hospital-hack-coverup",
        "title": "Hospital waited three weeks to tell patients about hack",
        "author": "Jonas Eber",
        "published": "2026-03-12T18:00:00+01:00",
        "blocks": [
            (
                "p",
                "St. Aldric hospital knew about the theft of patient records for three weeks before "
                "telling anyone, documents seen by Civic Wire show.",
            ),
            (
                "p",
                "An internal memo dated February 19 describes the attack as \u201ccontained\u201d.",
            ),
            ("related", "Most read in Civic Wire"),
            (
                "p",
                "\u201cPatients had a right to know on day one,\u201d said Ana Duarte, the privacy "
                "commissioner, adding that the delay would weigh on her decision.",
            ),
            (
                "p",
                "Hospital chief Marcus Vell said the delay was needed to close the breach before going public.",
            ),
            ("credit", CIVIC_COPYRIGHT),
        ],
    },
    {
        "outlet": "Elsland Morning Post",
        "format": "txt",
        "file": "morning-post-hospital-breach.txt",
        "title": "Hospital breach: what patients should do now",
        "blocks": [
            ("byline", "By Sofia Lund"),
            (
                "p",
                "Patients of St. Aldric hospital should watch for calls and messages asking for bank "
                "details, the privacy commissioner\u2019s office said on Thursday.",
            ),
            (
                "p",
                "The hospital said it would write to every affected patient by the end of next week "
                "and had set up a helpline.",
            ),
            (
                "p",
                "Marcus Vell, the hospital\u2019s chief executive, said no payment data had been stored "
                "in the scheduling system.",
            ),
            ("newsletter", POST_SUBSCRIBE),
            ("promo", POST_MISSION),
        ],
    },
    # ---- Story 4: the Lowmarsh port vote ---------------------------------------------------
    {
        "outlet": "The Varrow Ledger",
        "format": "html",
        "file": "ledger-port-vote.html",
        "url": "https://varrow-ledger.example/2026/03/18/port-vote",
        "title": "Council approves Lowmarsh port expansion by one vote",
        "subtitle": "Tidewater Holdings will dredge the harbour and build two new berths.",
        "author": "Mara Quist",
        "published": "2026-03-18T21:30:00+01:00",
        "blocks": [
            (
                "p",
                "Varrow city council voted 16 to 15 on Wednesday to let Tidewater Holdings expand the "
                "Lowmarsh port, ending a year of debate.",
            ),
            (
                "p",
                "Councillor Joan Mbeki, who led the opposition, said the dredging would \u201cwipe out "
                "the last oyster beds in the bay.\u201d",
            ),
            (
                "p",
                "Rafael Sousa, Tidewater\u2019s chief executive, promised 900 jobs and said the company "
                "would fund a new fish hatchery.",
            ),
            ("caption", "PHOTO: K. DRAGE/VARROW LEDGER"),
            (
                "p",
                "Work is expected to start in the autumn, after an environmental permit is granted.",
            ),
            ("newsletter", LEDGER_SIGNUP),
            ("author_bio", LEDGER_BIO),
        ],
    },
    {
        "outlet": "Northwind Daily",
        "format": "rss",
        "file": "northwind-daily.rss",
        "url": "https://northwind-daily.example/news/lowmarsh-fishermen",
        "title": "Fishermen vow to fight port plan in court",
        "subtitle": "The association says the council ignored its own experts.",
        "author": "Lena Park",
        "published": "Thu, 19 Mar 2026 09:00:00 +0100",
        "blocks": [
            (
                "p",
                "The Lowmarsh fishermen\u2019s association said on Thursday it would challenge the "
                "council\u2019s port decision in court.",
            ),
            (
                "p",
                "\u201cThe council\u2019s own study said the bay would not recover for twenty years,\u201d "
                "said Olaf Strand, the association\u2019s chairman.",
            ),
            ("p", "Councillor Joan Mbeki said she would back the legal challenge."),
            ("solicitation", NORTHWIND_TIP),
            ("social", NORTHWIND_FOLLOW),
        ],
    },
    {
        "outlet": "Civic Wire",
        "format": "jsonl",
        "file": "civic-wire.jsonl",
        "url": "https://civicwire.example/port-jobs-win",
        "title": "900 jobs: council backs port growth",
        "author": "Jonas Eber",
        "published": "2026-03-18",
        "blocks": [
            (
                "p",
                "Varrow will get 900 new jobs after the council backed the Lowmarsh port expansion "
                "on Wednesday night.",
            ),
            (
                "p",
                "\u201cThis is the biggest private investment in the city for a generation,\u201d said "
                "Rafael Sousa of Tidewater Holdings.",
            ),
            ("related", "Most read in Civic Wire"),
            (
                "p",
                "Opponents led by councillor Joan Mbeki had argued that the harbour dredging would harm "
                "the bay\u2019s oyster beds.",
            ),
            ("credit", CIVIC_COPYRIGHT),
        ],
    },
]
