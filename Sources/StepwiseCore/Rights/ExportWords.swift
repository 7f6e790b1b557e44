import Foundation

/// How the text copy of `CitizenExport` says things in one language: field names
/// (`export.field.KEY`), codes in the words the screens use for them, dates and times in the
/// language's form as local times of the data's time zone, and yes, no and none.
struct ExportWords {
    let strings: Localizer
    /// The indicators' statements in the language, by id: the names of a rating's scores.
    let indicators: [String: String]
    /// The zone the copy's times are local times of (the data's, as on the screens).
    let timeZone: TimeZone
    /// Offers' titles by id: an internship placement is named by its offer's title.
    let offerTitles: [String: String]

    /// Fields the program keeps for itself, which the text copy leaves out (the JSON copy
    /// holds them): ids and references by id, the order of equal entries, the file format's
    /// version. Nothing a person wrote or that was written about them is one of these.
    static let internalFields: Set<String> = [
        "id", "offerId", "sessionId", "stepId", "boardJobId", "participantId", "participant", "sequence", "schemaVersion",
    ]

    /// Whether a JSON value holds nothing to read: null, "", or a list or an object with
    /// nothing in it but internal fields and empty ones. The text copy leaves such fields out.
    static func holdsNothing(_ value: Any) -> Bool {
        switch value {
        case is NSNull: return true
        case let text as String: return text.isEmpty
        case let list as [Any]: return list.allSatisfy(holdsNothing)
        case let object as [String: Any]: return object.allSatisfy { internalFields.contains($0.key) || holdsNothing($0.value) }
        default: return false
        }
    }

    init(_ strings: Localizer, indicators: IndicatorSet, timeZone: TimeZone, offerTitles: [String: String] = [:]) {
        self.strings = strings
        self.timeZone = timeZone
        self.offerTitles = offerTitles
        self.indicators = Dictionary(
            indicators.indicators.map { ($0.id, $0.text(in: strings.language)) }, uniquingKeysWith: { first, _ in first })
    }

    var none: String { strings("export.none") }
    var yes: String { strings("export.yes") }
    var no: String { strings("export.no") }

    /// The name of the field `key` of an object held by `container` in words, e.g.
    /// `courseStart` as "Course start" or "Forløbsstart"; a score by its indicator's
    /// statement; an internship placement by its offer's title; a key that is data (the id of
    /// an offer that is gone, an indicator the set no longer has, a name in a half-typed form
    /// as stored) as it is.
    func label(_ key: String, in container: String) -> String {
        if container == "scores" { return indicators[key] ?? key }
        if container == "placements" { return offerTitles[key] ?? key }
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

    /// `2026-03-02T09:15:00Z` as the local time of `timeZone` to the minute, as the screens
    /// say it: "2 Mar 2026, 10:15", "2. mar. 2026 kl. 10:15", … (`export.dateTime`, in
    /// Europe/Copenhagen); nil for other text.
    func dateTime(_ text: String) -> String? {
        guard text.count == 20, text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil,
            let date = ISO8601DateFormatter().date(from: text)
        else { return nil }
        let minutes = (Int(date.timeIntervalSince1970) + timeZone.secondsFromGMT(for: date)) / 60
        let clock = ((minutes % 1440) + 1440) % 1440
        return strings(
            "export.dateTime",
            ["date": strings.shortDate(Day(date, timeZone: timeZone)), "time": String(format: "%02d:%02d", clock / 60, clock % 60)])
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
