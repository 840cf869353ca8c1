"""What every field of a workshop file means, for ``kit schema`` and editors.

One entry per field of each model class in ``kit.model``, keyed by class and field name;
``Example:`` ends a description with a value as written in YAML. A test fails on a field
without a description and on an entry that names no field, so the two cannot drift apart.
The texts live beside the model rather than inside it so that its field lines stay short.
"""

from __future__ import annotations

# Fields every block kind has are described once, under _Block.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Source": {
        "id": (
            'Short name that blocks cite this source by: lower-case letters, digits, "-" and '
            '"_". Example: safelink'
        ),
        "title": "The document's title, as printed in the handouts' source list.",
        "organisation": "Who published it. Example: SafeLink Alberta",
        "url": (
            "Where to find it: a web address with https://, printed as a QR code. Example: "
            "https://example.org/report"
        ),
        "year": 'Year of publication, as text. Example: "2024"',
    },
    "WebEdition": {
        "url": (
            "The web address of the published handout.html, with https://. "
            "Example: https://example.org/workshop"
        ),
    },
    "GlossaryTerm": {
        "term": "The preferred term. Example: sex worker",
        "instead_of": (
            "Words the term replaces; `kit lint` suggests the term where they appear. Example: "
            "[prostitute, hooker]"
        ),
        "why": "Why the term is preferred, printed in the handout's glossary.",
    },
    "LintRule": {
        "id": (
            "Name of the rule, used by `disable` and in findings: lower-case letters, digits "
            'and "-". Example: no-guys'
        ),
        "pattern": 'A regular expression, matched ignoring case. Example: "\\\\bguys\\\\b"',
        "message": (
            "What the finding says; {match} stands for the matched text. "
            "Example: \"'{match}' leaves people out\""
        ),
        "suggestion": "What to write instead. Example: everyone",
    },
    "LintConfig": {
        "disable": (
            "Rules of `kit lint` to switch off for this workshop. Example: [sexual-exploitation]"
        ),
        "rules": "The workshop's own wording rules.",
        "languages": (
            "More rules, or rules switched off, for the text in one language: the main one or "
            "an edition's (`kit lint --lang CODE`)."
        ),
    },
    "LanguageLint": {
        "language": "The language these settings are for, as a code. Example: fr",
        "disable": "Rules switched off for this language. Example: [no-guys]",
        "rules": "Wording rules for this language only.",
    },
    "Colours": {
        "primary": (
            "Title bars, section slides and headings, as #RRGGBB (quote it in YAML). Example: "
            '"#5B2A86"'
        ),
        "secondary": 'Second colour for tables and cards, as #RRGGBB. Example: "#1F6F78"',
        "accent": 'Accent bands and rules, as #RRGGBB. Example: "#C8102E"',
        "text": 'Body text, as #RRGGBB. Example: "#1E1E1E"',
        "background": 'Slide and page background, as #RRGGBB. Example: "#FFFFFF"',
        "muted": 'Footers, sources and other quiet text, as #RRGGBB. Example: "#5F5F5F"',
    },
    "Fonts": {
        "heading": (
            "Font for titles: a name (measured exactly for Arial, Calibri, Cambria, Times New "
            "Roman, Courier New) or a .ttf file in the workshop folder. Example: Calibri"
        ),
        "body": (
            "Font for body text, embedded in every PDF: a name or a .ttf file in the workshop "
            "folder. Example: fonts/Brand-Regular.ttf"
        ),
    },
    "Theme": {
        "colours": "The colours of the deck and the printed material.",
        "fonts": "The fonts the deck names.",
        "logo": (
            "A PNG, JPEG or GIF in the workshop folder, shown on the title slide and handouts. "
            "Example: images/logo.png"
        ),
        "slide_size": 'The deck\'s shape, in quotes: "16:9" (widescreen) or "4:3".',
        "template": (
            "A .pptx or .potx in the workshop folder whose masters, fonts and colours the deck "
            "uses. "
            "Example: templates/brand.pptx"
        ),
    },
    "_Block": {
        "notes": "Speaker notes: in the deck's notes pages and the notes handout.",
        "facilitator_notes": (
            "Notes for the facilitator only: in the facilitator guide and the deck's notes, "
            "never on participant material."
        ),
        "cite": (
            "Ids of top-level `sources` this block draws on, shown as its source line. "
            "Example: [safelink]"
        ),
    },
    "TitleBlock": {
        "title": 'The big title. Example: "{{ title }}"',
        "subtitle": 'Smaller line under the title. Example: "{{ organisation }}, {{ venue }}"',
    },
    "BulletItem": {
        "text": "The point itself.",
        "sub": "Points one level below it. Example: [Use their words, Check before moving on]",
    },
    "BulletsBlock": {
        "title": "The slide's title.",
        "items": (
            "The points, in order: text, or a mapping with `text` and `sub` for nested points."
        ),
        "build": "Whether the bullets appear one click at a time in the slideshow.",
    },
    "DefinitionBlock": {
        "term": "The word or phrase defined. Example: Sex work",
        "meaning": "What it means.",
        "source": (
            "Who the definition comes from, in words. To point at an entry of `sources`, use "
            "`cite`. Example: UNAIDS (2014)"
        ),
        "title": "The slide's title; the default is the word for Definition.",
    },
    "QuoteBlock": {
        "text": "The quotation, without quotation marks.",
        "attribution": (
            "Who said or wrote it. Example: Nothing About Us Without Us, disability rights movement"
        ),
        "title": "An optional slide title above the quotation.",
    },
    "ComparisonBlock": {
        "title": "The slide's title.",
        "columns": "The two column headings. Example: [Sex work, Trafficking]",
        "rows": (
            "Rows of exactly two cells, one per column; quote a cell that holds a comma. "
            'Example: [[Consent, "Force, fraud or coercion"]]'
        ),
    },
    "ImageBlock": {
        "title": "The slide's title.",
        "path": "A PNG, JPEG or GIF inside the workshop folder. Example: images/map.png",
        "alt": (
            "What the picture shows, for people who cannot see it (at least 3 characters, not "
            "a file name)."
        ),
        "caption": "A line under the picture.",
    },
    "ContentNoteBlock": {
        "title": "The slide's title; the default is the word for Content note.",
        "text": "What is coming, and that people may step out.",
        "support": "Support on offer, one line each. Example: [A quiet room is open next door.]",
    },
    "Resource": {
        "name": "The service or document. Example: Tenant helpline",
        "description": "What it offers.",
        "url": (
            "Its web address with https://, or a mailto: or tel: link; printed as a QR code. "
            "Example: https://example.org"
        ),
        "contact": (
            "A phone number, e-mail or opening hours. Example: 0800 123 456, weekdays 9 to 5"
        ),
    },
    "ResourcesBlock": {
        "title": "The slide's title; the default is the word for Resources.",
        "items": "The services and documents to list.",
    },
    "Stage": {
        "name": "The stage's short name. Example: Survival sex",
        "description": "What the stage means.",
    },
    "Axis": {
        "start": "What the left end of the line stands for. Example: Full choice",
        "end": "What the right end stands for. Example: No choice",
    },
    "Scenario": {
        "text": "The situation participants place on the continuum.",
        "note": "Notes for the facilitator only, printed in the facilitator guide.",
    },
    "ContinuumBlock": {
        "title": "The slide's title.",
        "intro": "A line introducing the continuum.",
        "stages": "The stages in order, 3 to 9.",
        "axis": "What the two ends of the continuum stand for.",
        "scenarios": (
            "Situations to place on the continuum: text, or a mapping with `text` and a "
            "facilitator `note`."
        ),
        "prompts": "Questions for reflection, one per line.",
        "fluidity": "A closing line on how people move along the continuum.",
    },
    "Challenge": {
        "statement": "The statement participants answer. Example: Isn't all sex work trafficking?",
        "responses": "Points a good answer makes, for the answer key.",
        "technique": "A technique to try, printed on the back of the card.",
    },
    "DrillBlock": {
        "title": "The slide's title; the default is How would you respond?",
        "guidance": "How to run the drill, one line each.",
        "challenges": "The statements to answer, each on its own card.",
    },
    "ActivityBlock": {
        "title": "The activity's name, on its slide and in the guide.",
        "duration": "Minutes it runs, in the guide's timing and run sheet. Example: 20",
        "group_size": (
            "People per group; 1 means each works alone. The room list counts one set of "
            "materials per group. Example: 4"
        ),
        "instructions": "What participants do, one step per line: on the slide and in the handout.",
        "facilitator_instructions": (
            "How to run it, one line each: in the guide and the deck's notes, never on "
            "participant material."
        ),
        "materials": (
            "What each group needs, one item per line. Example: [flip-chart paper, markers]"
        ),
    },
    "BuildSettings": {
        "paper": "Paper size of the printed material: a4 or letter. `kit build --paper` wins.",
        "participants": (
            "Head count for the print list and sign-in sheet, 1 to 1000; without it, the rows "
            "of participants.csv, else 20. `kit build --participants` wins. Example: 20"
        ),
        "languages": (
            "Editions `kit build` writes too, each from translations/CODE.yaml into "
            "build/CODE/. Example: [fr, ru]"
        ),
        "time_format": (
            "Clock times as 24h (13:30) or 12h (1:30 pm); left out, the language's own "
            "(24-hour for en, 12-hour for en-US)."
        ),
        "large_print": (
            "Body text size of the large-print handout in points: 16 or 18; its headers, "
            "footers and page numbers are 14 pt or more either way. Example: 18"
        ),
    },
    "Break": {
        "duration": "Minutes the break lasts; the agenda's clock times count it. Example: 15",
        "label": "What the agenda calls it; empty for the word for Break. Example: Lunch",
    },
    "Material": {
        "item": "What the room needs. Example: Flipchart paper",
        "count": "How many, per room, participant or group. Example: 2",
        "per": "What the count is for: room, participant or group.",
    },
    "Section": {
        "title": "The section's title, on its divider slide and in the agenda.",
        "duration": "Minutes the section takes; the agenda's clock times add them up. Example: 15",
        "objectives": (
            "What participants will be able to do, shown on the divider slide. Example: "
            "[Define sex work accurately]"
        ),
        "divider": (
            "Whether the section opens with a divider slide (title, timing, objectives); a "
            "section whose first slide has its title opens on that slide instead."
        ),
        "blocks": (
            "The section's content in order; each block is a mapping with one key naming its kind."
        ),
        "materials": (
            "What the section needs, for the facilitator guide's materials list: text, or a "
            "mapping with item, count and per. Example: [Sticky notes, Markers]"
        ),
        "break_after": "A break after this section, e.g. {duration: 15, label: Tea break}.",
    },
    "Workshop": {
        "title": "The workshop's title. Example: Knowing the Difference",
        "subtitle": "A line under the title.",
        "organisation": "Who runs the workshop, in every footer. Example: Riverside Tenants Union",
        "presenters": "Who presents, one name each. Example: [Ana Lima, Bo Chen]",
        "date": "The day it runs, as year-month-day. Example: 2026-12-05",
        "start_time": 'When it starts, as hours:minutes in quotes. Example: "10:00"',
        "venue": "Where it runs. Example: Community hall, room 2",
        "duration": (
            "Minutes the whole workshop lasts; kit warns when the sections add up to something "
            "else. Example: 120"
        ),
        "audience": "Who it is for. Example: Volunteers and staff",
        "language": "Language code of the text, for dates and kit's own words. Example: en",
        "licence": "The licence of the material. Example: CC BY 4.0",
        "feedback_url": (
            "The online evaluation form, printed as a QR code on the paper one. "
            "Example: https://example.org/feedback"
        ),
        "web": (
            "Where the organiser publishes the web edition (handout.html); the handout's first "
            "page and the closing slide then carry its address and a QR code to it."
        ),
        "sources": "Documents the workshop draws on; blocks cite them by id.",
        "glossary": (
            "Preferred terms, the words they replace and why; printed in the handout and "
            "checked by `kit lint`."
        ),
        "lint": "Switch `kit lint` rules off, or add the workshop's own.",
        "theme": "Colours, fonts, logo, slide size and template.",
        "build": "How `kit build` builds this workshop; command-line options win.",
        "sections": "The agenda: sections in order, each with a duration and blocks.",
    },
}
