import Foundation

/// Everything the data folder holds about one citizen, for their right of access
/// (`stepwise export`): the record as it is (plan, notes with every earlier version,
/// sessions, ratings, milestones, contacts, outcome, journal, the job search with its
/// applications, interviews and feedback, follow-along support), every saved version of the
/// plan and their own internship placements), their seats and places on waitlists (with the
/// offer's internship details where they hold a seat), a form left half-typed about them, and
/// the audit log's entries about them.
public struct CitizenExport: Sendable {
    /// A seat or a place in line in one offer.
    public struct Place: Codable, Equatable, Sendable {
        public var offerId: String
        public var offerTitle: String
        public var kind: String
        /// `open` or `cancelled`.
        public var offerStatus: String
        /// `seat` or `waiting`.
        public var place: String
        /// The seat number or the place in line (1-based).
        public var position: Int
        public var since: Date
        public var sessions: [OfferSession]
        /// The offer's internship details (employer, contact, period offered, tasks) where the
        /// citizen holds a seat; what was agreed for them is `participant.placements`.
        public var internship: Internship?
    }

    /// When the copy was made and by whom.
    public var made: Date
    public var madeBy: String
    public var participant: Participant
    public var planHistory: [PlanVersion]
    public var bookings: [Place]
    /// Forms about the citizen left half-typed when a terminal closed, as stored.
    public var drafts: [Data]
    public var audit: [AuditEntry]
    /// Offer files that could not be read (seats in them cannot be listed).
    public var unreadableOffers: [RecordProblem]
    /// The titles of the offers the citizen has a seat, a place in line or an internship
    /// placement in, by the offer's id: the text copy names them by title.
    public var offerTitles: [String: String] = [:]

    /// Gathers everything held about `participant` (the record as read from `store`, which
    /// is not read again): its plan history, seats and places in line, drafts naming it and
    /// its audit entries.
    public static func collect(_ participant: Participant, from store: DataStore, by identity: Identity, at now: Date = Date()) -> CitizenExport {
        let id = participant.id
        let (offers, problems) = store.loadOffers()
        var places: [Place] = []
        for offer in offers.sorted(by: { $0.id < $1.id }) {
            guard let place = Booking.place(of: id, in: offer) else { continue }
            let seat: Seat
            let position: Int
            let kind: String
            switch place {
            case .seat(let n):
                seat = offer.booked[n - 1]
                position = n
                kind = "seat"
            case .waiting(let n):
                seat = offer.waiting[n - 1]
                position = n
                kind = "waiting"
            }
            places.append(
                Place(
                    offerId: offer.id, offerTitle: offer.title, kind: offer.kind, offerStatus: offer.status.rawValue,
                    place: kind, position: position, since: seat.since, sessions: offer.sessions,
                    internship: kind == "seat" ? offer.internship : nil))
        }
        return CitizenExport(
            made: now, madeBy: identity.coach, participant: participant,
            planHistory: store.loadHistory(participant: id), bookings: places,
            drafts: Erasure.drafts(naming: id, in: store).compactMap { try? DataFile.read($0, limit: RecordCodec.maxRecordBytes) },
            audit: AuditLog(store: store).entries(for: id),
            unreadableOffers: Erasure.unreadableOffers(mayName: id, in: store, problems: problems),
            offerTitles: Dictionary(
                offers.filter { offer in participant.placements[offer.id] != nil || places.contains { $0.offerId == offer.id } }
                    .map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }))
    }

    // MARK: - JSON

    /// The copy as one JSON object (pretty, keys sorted, dates ISO 8601).
    public func json() throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: try tree(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// The copy as JSON values, in the shape `json()` writes.
    func tree() throws -> [String: Any] {
        var tree: [String: Any] = [
            "about": "Everything Stepwise holds about participant \(participant.id), as of \(CitizenExport.iso(made)).",
            "made": CitizenExport.iso(made),
            "madeBy": madeBy,
        ]
        for section in CitizenExport.sections { tree[section.key] = try section.value(self, false) }
        return tree
    }

    /// The parts of the copy that hold data, in the order the text shows them: the key in the
    /// JSON (the text's heading is `export.section.KEY` and its words for an empty part
    /// `export.section.KEY.empty`), and the part's JSON value, made only when it is written
    /// (one part at a time is held as JSON values). `lazily`, the long lists of a record
    /// (notes, sessions, ratings, journal) and the plan history are `LazyList`s, made one
    /// element at a time as the text is written.
    static let sections: [(key: String, value: @Sendable (CitizenExport, Bool) throws -> Any)] = [
        ("record", { try $1 ? $0.lazyRecord() : value($0.participant) }),
        ("planHistory", { $1 ? LazyList($0.planHistory) : try value($0.planHistory) }),
        ("bookings", { export, _ in try value(export.bookings) }),
        (
            "drafts",
            { export, _ in export.drafts.map { (try? JSONSerialization.jsonObject(with: $0)) ?? String(decoding: $0, as: UTF8.self) } }
        ),
        ("auditLog", { export, _ in try value(export.audit) }),
        ("unreadableOffers", { export, _ in export.unreadableOffers.map(\.description) }),
    ]

    /// The record as JSON values with its long lists left as `LazyList`s.
    private func lazyRecord() throws -> Any {
        var light = participant
        light.notes = []
        light.sessions = []
        light.ratings = []
        light.journal = []
        var tree = try CitizenExport.value(light) as? [String: Any] ?? [:]
        if !participant.notes.isEmpty { tree["notes"] = LazyList(participant.notes) }
        if !participant.sessions.isEmpty { tree["sessions"] = LazyList(participant.sessions) }
        if !participant.ratings.isEmpty { tree["ratings"] = LazyList(participant.ratings) }
        if !participant.journal.isEmpty { tree["journal"] = LazyList(participant.journal) }
        return tree
    }

    fileprivate static func value<T: Encodable>(_ value: T) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
    }

    private static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    // MARK: - Text

    /// The copy as plain text a citizen can read, in the language of `strings`: sections with
    /// headings, every field with its name in words (`export.field.KEY`), scores by the
    /// statements of `indicators`, codes in the screens' words, dates and times in the
    /// language's form as local times of `timeZone` (the data's, as on the screens), text
    /// wrapped at 80 columns, every list numbered. It leaves out only the fields the program
    /// keeps for itself (`ExportWords.internalFields`: ids, order, the format's version) and
    /// fields with nothing in them; an empty part says so once. Its first lines say that the
    /// JSON copy holds everything, in a form programs read.
    public func text(_ strings: Localizer, indicators: IndicatorSet, timeZone: TimeZone = CalendarExport.defaultTimeZone()) throws -> String {
        var text = ""
        try writeText(strings, indicators: indicators, timeZone: timeZone) { text += $0 }
        return text
    }

    /// Gives the text of `text()` to `write` piece by piece (whole lines, about 64 KB at a
    /// time) as it is made, so that a large record is never held as text whole: memory stays
    /// near the size of the record's largest part as JSON values, not a multiple of the text.
    public func writeText(
        _ strings: Localizer, indicators: IndicatorSet, timeZone: TimeZone = CalendarExport.defaultTimeZone(),
        _ write: (String) throws -> Void
    ) throws {
        var out = TextWriter(words: ExportWords(strings, indicators: indicators, timeZone: timeZone, offerTitles: offerTitles))
        out.line(strings("export.title"))
        out.line(strings("export.made", ["when": out.words.dateTime(CitizenExport.iso(made)) ?? "", "by": madeBy]))
        out.blank()
        out.field("", strings("export.about", ["zone": timeZone.identifier]), indent: 0)
        out.blank()
        for section in CitizenExport.sections {
            out.heading(strings("export.section.\(section.key)"))
            let value = try section.value(self, true)
            if TextWriter.isEmpty(value) {
                out.line(strings("export.section.\(section.key).empty"))
            } else {
                try out.value(value, in: section.key, indent: 0, flushing: write)
            }
            out.blank()
            try write(out.take())
        }
    }
}

/// A list whose elements are made as JSON values one at a time, as they are written: a long
/// list of a large record is never held as JSON values whole.
private struct LazyList {
    let count: Int
    let element: (Int) throws -> Any

    init(count: Int, element: @escaping (Int) throws -> Any) {
        self.count = count
        self.element = element
    }

    init<Item: Encodable>(_ items: [Item]) {
        self.init(count: items.count) { try CitizenExport.value(items[$0]) }
    }
}

/// Writes JSON values as indented, readable lines in the words of one language.
private struct TextWriter {
    let words: ExportWords
    private(set) var text = ""

    init(words: ExportWords) { self.words = words }

    /// The text written so far, which is then forgotten.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// Keys shown first, in this order; the rest follow alphabetically.
    private static let order = [
        "id", "name", "title", "offerTitle", "version", "number", "kind", "action", "participant", "text", "day", "planned", "date",
        "start", "end", "status", "at", "by", "coach", "user", "host", "author",
    ]

    /// The width the text is wrapped to, in display columns.
    static let width = 80

    mutating func line(_ text: String, indent: Int = 0) {
        self.text += String(repeating: "  ", count: indent) + text + "\n"
    }

    mutating func blank() { text += "\n" }

    mutating func heading(_ title: String) {
        line(title)
        line(String(repeating: "=", count: DisplayWidth.of(title)))
    }

    /// `value` after `lead` ("Label: ", "2. " or nothing) at `indent`, wrapped at `width`
    /// columns: the lines after the first, and each further line of a text that has several,
    /// go on two columns further in than the lead (a hanging indent).
    mutating func field(_ lead: String, _ value: String, indent: Int) {
        let margin = String(repeating: "  ", count: indent)
        let hang = lead.isEmpty ? margin : margin + "  "
        var lead = margin + lead
        // A label too long to leave room beside it has its text under it, unless it fits.
        let firstLine = value.prefix { $0 != "\n" }
        if TextWriter.width - DisplayWidth.of(lead) < 24, DisplayWidth.of(lead + firstLine) > TextWriter.width {
            text += TextWriter.trimmed(lead) + "\n"
            lead = hang
        }
        for paragraph in value.split(separator: "\n", omittingEmptySubsequences: false) {
            let pieces = DisplayWidth.wrap(String(paragraph), width: max(1, TextWriter.width - DisplayWidth.of(lead)))
            var lines = [lead + (pieces.first ?? "")]
            if pieces.count > 1 {
                let rest = pieces.dropFirst().joined(separator: " ")
                lines += DisplayWidth.wrap(rest, width: max(1, TextWriter.width - DisplayWidth.of(hang))).map { hang + $0 }
            }
            for line in lines { text += TextWriter.trimmed(line) + "\n" }
            lead = hang
        }
    }

    /// `line` without the spaces at its end.
    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Whether `value` holds nothing to read (`ExportWords.holdsNothing`, or a list of none).
    static func isEmpty(_ value: Any) -> Bool {
        if let list = value as? LazyList { return list.count == 0 }
        return ExportWords.holdsNothing(value)
    }

    /// Writes `value`, the value of `key` (a list's elements are values of the list's key),
    /// giving what is written to `flush` each time it passes 64 KB. Internal fields and empty
    /// ones are left out.
    mutating func value(_ value: Any, in key: String, indent: Int, flushing flush: (String) throws -> Void) throws {
        if text.utf8.count > 65_536 { try flush(take()) }
        switch value {
        case let object as [String: Any]:
            for child in TextWriter.sortedKeys(object) where !ExportWords.internalFields.contains(child) {
                guard let field = object[child], !TextWriter.isEmpty(field) else { continue }
                let label = words.label(child, in: key)
                if let scalar = scalar(field, key: child, in: key) {
                    self.field(label + ": ", scalar, indent: indent)
                } else {
                    line("\(label):", indent: indent)
                    try self.value(field, in: child, indent: indent + 1, flushing: flush)
                }
            }
        case let list as [Any]:
            try self.value(LazyList(count: list.count) { list[$0] }, in: key, indent: indent, flushing: flush)
        case let list as LazyList:
            var number = 0
            for index in 0..<list.count {
                let element = try list.element(index)
                if TextWriter.isEmpty(element) { continue }
                number += 1
                if let scalar = scalar(element, key: key, in: key) {
                    field("\(number). ", scalar, indent: indent)
                } else {
                    line("\(number).", indent: indent)
                    try self.value(element, in: key, indent: indent + 1, flushing: flush)
                }
            }
        default:
            field("", scalar(value, key: key, in: key) ?? "\(value)", indent: indent)
        }
    }

    /// A value as text, or nil for lists and objects: codes, dates, yes, no and none in
    /// words (`ExportWords`). Line breaks in text are kept.
    private func scalar(_ value: Any, key: String, in container: String) -> String? {
        switch value {
        case is NSNull: return words.none
        case let text as String: return words.value(text, key: key, in: container)
        case let number as NSNumber:
            // JSON true and false come back as numbers of type "c".
            if String(cString: number.objCType) == "c" { return number.boolValue ? words.yes : words.no }
            return number.stringValue
        case is [Any], is [String: Any], is LazyList: return nil
        default: return "\(value)"
        }
    }

    static func sortedKeys(_ object: [String: Any]) -> [String] {
        object.keys.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs) ?? order.count
            let right = order.firstIndex(of: rhs) ?? order.count
            return left != right ? left < right : lhs < rhs
        }
    }
}
