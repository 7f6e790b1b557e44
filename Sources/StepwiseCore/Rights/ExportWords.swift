import Foundation

/// How the text copy of `CitizenExport` says things in one language: field names
/// (`export.field.KEY`), codes in the words the screens use for them, dates and times in the
/// language's form with the zone said, and yes, no and none.
struct ExportWords {
    let strings: Localizer
    /// The indicators' statements in the language, by id: the names of a rating's scores.
    let indicators: [String: String]

    init(_ strings: Localizer, indicators: IndicatorSet) {
        self.strings = strings
        self.indicators = Dictionary(
            indicators.indicators.map { ($0.id, $0.text(in: strings.language)) }, uniquingKeysWith: { first, _ in first })
    }

    var none: String { strings("export.none") }
    var yes: String { strings("export.yes") }
    var no: String { strings("export.no") }

    /// The name of the field `key` of an object held by `container` in words, e.g.
    /// `courseStart` as "Course start" or "Forløbsstart"; a score by its indicator's
    /// statement; a key that is data (an offer's id keying placements, an indicator the set
    /// no longer has, a name in a half-typed form as stored) as it is.
    func label(_ key: String, in container: String) -> String {
        if container == "scores" { return indicators[key] ?? key }
        return word("export.field.\(key)") ?? key
    }

    /// Where the words for a code field's values are: the key of the field, then the key of
    /// the object or list that holds it (`*`: any), then the string-table prefix of its
    /// values (the screens' own words where they have some, `export.*` where theirs carry a
    /// placeholder). The fields and their values are those of Resources/schema; a note's
    /// standard tags are codes too, the others are as typed.
    static let codes: [String: [String: String]] = [
        "action": ["*": "audit."],
        "author": ["*": "author."],
        "information": ["*": "consent.information."],
        "kind": [
            "journal": "export.journal.", "goals": "goal.kind.", "sessions": "session.kind.", "notes": "note.kind.",
            "milestones": "milestone.", "contacts": "contact.", "outcome": "outcome.", "after3Months": "outcome.",
            "after6Months": "outcome.", "change": "export.change.", "bookings": "offer.kind.",
        ],
        "method": ["*": "jobs.method."],
        "methods": ["*": "jobs.method."],
        "reason": ["followAlong": "follow.reason."],
        "tags": ["*": "tag."],
        "role": ["who": "who.", "present": "export.present.", "facilitators": "facilitator."],
        "status": [
            "conversations": "conversation.status.", "steps": "step.status.", "history": "jobs.status.",
            "followUps": "followUp.", "attendance": "attendance.",
        ],
        "offerStatus": ["bookings": "export.offerStatus."],
        "place": ["bookings": "export.place."],
    ]

    /// The string-table prefix of the words for the values of `key` held in `container`, if
    /// its values are codes.
    static func prefix(of key: String, in container: String) -> String? {
        guard let places = codes[key] else { return nil }
        return places[container] ?? places["*"]
    }

    /// A text value in words: a code as the screens say it, a language code by the
    /// language's name, an ISO 8601 date or time in the language's form; other text as it is.
    func value(_ text: String, key: String, in container: String) -> String {
        if let prefix = ExportWords.prefix(of: key, in: container), let word = word(prefix + text) { return word }
        if key == "language", text.count == 2 { return strings.languageName(text) }
        return dateTime(text) ?? day(text) ?? text
    }

    /// `2026-03-02T09:15:00Z` as "2 Mar 2026, 09:15:00 UTC", "2. mar. 2026 kl. 09:15:00 UTC", …
    /// (`export.dateTime`; the zone is always said); nil for other text.
    func dateTime(_ text: String) -> String? {
        guard text.count == 20, text.hasSuffix("Z"), text.dropFirst(10).first == "T",
            text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil,
            let day = Day(iso: String(text.prefix(10)))
        else { return nil }
        return strings("export.dateTime", ["date": strings.shortDate(day), "time": String(text.dropFirst(11).dropLast())])
    }

    /// `2026-03-02` as "2 Mar 2026", "2. mar. 2026", …; nil for other text.
    func day(_ text: String) -> String? {
        guard text.count == 10, text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil,
            let day = Day(iso: text)
        else { return nil }
        return strings.shortDate(day)
    }

    /// The text of `key`, or nil when no table has it.
    private func word(_ key: String) -> String? {
        let text = strings(key)
        return text == key ? nil : text
    }
}
