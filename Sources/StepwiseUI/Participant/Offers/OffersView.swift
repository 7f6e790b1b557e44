import StepwiseCore

/// What the offer list shows: a filter, a search and a grouping.
public struct OfferFilter: Equatable, Sendable {
    /// How the list is grouped.
    public enum Grouping: Equatable, Sendable { case kind, date }

    public var kind: String?
    public var from: Day?
    public var freeSeatsOnly = false
    public var language: String?
    public var query = ""
    public var grouping: Grouping = .kind

    public init() {}

    /// True when `offer` passes the filter and the search.
    public func admits(_ offer: Offer) -> Bool {
        if let kind, offer.kind != kind { return false }
        if let from, !offer.sessions.contains(where: { $0.day >= from }) { return false }
        if freeSeatsOnly && Booking.freeSeats(offer) == 0 { return false }
        if let language, offer.language != language { return false }
        if !query.isEmpty {
            let folded = SearchText.fold(query)
            let text = SearchText.fold([offer.title, offer.description, offer.place, offer.suits].joined(separator: " "))
            if !text.contains(folded) { return false }
        }
        return true
    }

    /// The offers to list, in order: by kind (the built-in order, then custom kinds) and first
    /// date, or by first date alone.
    public func list(_ offers: [Offer]) -> [Offer] {
        // Each offer's sort key is worked out once (a catalogue may hold hundreds).
        func rank(_ kind: String) -> Int { OfferKind.builtIn.firstIndex(of: kind) ?? OfferKind.builtIn.count }
        let keyed = offers.filter(admits).map { offer in
            (offer: offer, rank: grouping == .kind ? rank(offer.kind) : 0, kind: grouping == .kind ? offer.kind : "",
             day: offer.firstDay?.ordinal ?? Int.max)
        }
        return keyed.sorted { a, b in
            (a.rank, a.kind, a.day, a.offer.title) < (b.rank, b.kind, b.day, b.offer.title)
        }.map(\.offer)
    }
}

/// The offers tab: the catalogue for the open participant, with their own bookings marked.
/// Other people's bookings show as counts only.
enum OfferBrowser {
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let offers = open.offerFilter.list(state.offers)
        var lines: [(line: StyledLine, selected: Bool)] = [(StyledLine([(s("offers.showing") + " ", .muted),
                                                                        (describe(open.offerFilter, env: env), .bold),
                                                                        ("  (f, /, G)", .muted)]), false)]
        if offers.isEmpty { lines.append((StyledLine("  " + s("offers.noMatch"), .muted), false)) }
        lines += window(offers, selection: open.offerSelection, filter: open.offerFilter, participant: open.participant.id,
                        height: buffer.height, env: env)
        ListDrawing.draw(lines, top: ParticipantView.top, bottom: buffer.height - 2, into: &buffer)
    }

    /// The rows around the selection, under their group headings: a catalogue may hold
    /// hundreds of offers and a screen shows a few, so only those are laid out.
    static func window(_ offers: [Offer], selection: Int, filter: OfferFilter, participant: String, height: Int,
                       env: UIEnvironment) -> [(line: StyledLine, selected: Bool)] {
        let range = max(0, selection - height)..<min(offers.count, selection + height)
        var lines: [(line: StyledLine, selected: Bool)] = []
        var group: String?
        for index in range {
            let heading = self.heading(offers[index], filter: filter, env: env)
            if heading != group {
                lines.append((StyledLine(heading, .heading), false))
                group = heading
            }
            lines.append((row(offers[index], participant: participant, env: env), index == selection))
        }
        return lines
    }

    /// "✓ Mentorstøtte                   Tue 1 Dec 10:00   2/3 seats, 1 waiting": the
    /// participant's own mark first, so that it is never cut off.
    static func row(_ offer: Offer, participant: String, env: UIEnvironment) -> StyledLine {
        let s = env.strings
        var mark: (String, Style) = ("  ", .plain)
        switch Booking.place(of: participant, in: offer) {
        case .seat?: mark = ("✓ ", Style(bold: true, role: .accent))
        case let .waiting(n)?: mark = ("◷" + (n < 10 ? String(n) : "+"), .warning)
        case nil: if offer.status == .cancelled { mark = ("✗ ", .warning) }
        }
        var segments: [(String, Style)] = [(" ", .plain), mark, (" " + DisplayWidth.pad(offer.title, to: 32), .bold)]
        let first = offer.sessions.min { ($0.day, $0.start) < ($1.day, $1.start) }
        segments.append(("  " + DisplayWidth.pad(first.map { s.dayWithWeekday($0.day, year: false) + " " + $0.start } ?? "", to: 17), .plain))
        var seats = s("offers.seatsShort", ["n": String(offer.booked.count), "of": String(offer.capacity)])
        if !offer.waiting.isEmpty { seats += ", " + s("offers.waitingCount", ["n": String(offer.waiting.count)]) }
        if offer.status == .cancelled { seats = s("offers.cancelled") }
        segments.append(("  " + seats, .muted))
        return StyledLine(segments)
    }

    /// The group an offer is listed under: its kind, or the week of its first date.
    static func heading(_ offer: Offer, filter: OfferFilter, env: UIEnvironment) -> String {
        let s = env.strings
        guard filter.grouping == .date else { return OfferText.kind(offer.kind, env: env) }
        return offer.firstDay.map { s("offers.week", ["date": s.shortDate(CourseFrame.monday(of: $0))]) } ?? s("offers.undated")
    }

    static func describe(_ filter: OfferFilter, env: UIEnvironment) -> String {
        let s = env.strings
        var parts: [String] = [filter.kind.map { OfferText.kind($0, env: env) } ?? s("offers.allKinds")]
        if let from = filter.from { parts.append(s("offers.from", ["date": s.shortDate(from)])) }
        if filter.freeSeatsOnly { parts.append(s("offers.freeOnly")) }
        if let language = filter.language { parts.append(language) }
        if !filter.query.isEmpty { parts.append("“" + filter.query + "”") }
        parts.append(s(filter.grouping == .kind ? "offers.byKind" : "offers.byDate"))
        return parts.joined(separator: " · ")
    }
}

/// Offer facts in words, shared by the list, the detail and the plan.
enum OfferText {
    /// The kind's name; a custom kind as it was written.
    static func kind(_ kind: String, env: UIEnvironment) -> String {
        OfferKind.builtIn.contains(kind) ? env.strings("offer.kind.\(kind)") : kind
    }

    /// "9 of 12 seats booked, 2 waiting".
    static func seats(_ offer: Offer, env: UIEnvironment) -> String {
        var text = env.strings("offers.seats", ["n": String(offer.booked.count), "of": String(offer.capacity)])
        if !offer.waiting.isEmpty { text += ", " + env.strings("offers.waitingCount", ["n": String(offer.waiting.count)]) }
        return text
    }

    /// Every line of an offer's detail view.
    static func detail(_ offer: Offer, participant: String, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var lines: [StyledLine] = [
            StyledLine([(kind(offer.kind, env: env), .heading), ("  ·  " + (offer.place == "online" ? s("offers.online") : offer.place), .plain)]),
            StyledLine([(seats(offer, env: env), .bold), (offer.status == .cancelled ? "  ✗ " + s("offers.cancelled") : "", .warning)]),
        ]
        switch Booking.place(of: participant, in: offer) {
        case .seat?: lines.append(StyledLine("✓ " + s("offers.youBookedLong"), Style(bold: true, role: .accent)))
        case let .waiting(n)?: lines.append(StyledLine("◷ " + s("offers.waitPlaceLong", ["n": String(n)]), .warning))
        case nil: break
        }
        lines.append(.blank)
        if !offer.description.isEmpty { lines += StyledLine(offer.description).wrapped(width: width, indent: 0) }
        if !offer.suits.isEmpty { lines += StyledLine([(s("offers.suits") + " ", .muted), (offer.suits, .plain)]).wrapped(width: width, indent: 2) }
        lines.append(StyledLine([(s("offers.language") + " ", .muted), (offer.language, .plain)]))
        for facilitator in offer.facilitators {
            lines.append(StyledLine([(s("offers.facilitator") + " ", .muted), (facilitator.name, .plain),
                                     (" (" + s("facilitator.\(facilitator.role.rawValue)") + ")", .muted)]))
        }
        lines.append(.blank)
        lines.append(StyledLine(s("offers.sessions"), .heading))
        for session in offer.sessions.sorted(by: { ($0.day, $0.start) < ($1.day, $1.start) }) {
            lines.append(StyledLine("  " + DisplayWidth.pad(s.dayWithWeekday(session.day), to: 18) + session.start + "–" + session.end))
        }
        if let internship = offer.internship { lines += internshipLines(internship, env: env, width: width) }
        return lines
    }

    private static func internshipLines(_ internship: Internship, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var lines: [StyledLine] = [.blank, StyledLine(s("internship.title"), .heading)]
        func add(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            lines += StyledLine([("  " + s(label) + " ", .muted), (value, .plain)]).wrapped(width: width, indent: 4)
        }
        add("internship.employer", internship.employer)
        add("internship.contact", [internship.contact.name, internship.contact.phone, internship.contact.email].filter { !$0.isEmpty }.joined(separator: " · "))
        if let start = internship.start {
            add("internship.period", s.shortDate(start) + (internship.end.map { " – " + s.shortDate($0) } ?? ""))
        }
        if let hours = internship.hoursPerWeek { add("internship.hours", String(format: hours == hours.rounded() ? "%.0f" : "%.1f", hours)) }
        add("internship.tasks", internship.tasks)
        let a = internship.accommodations
        var agreed: [String] = []
        if a.shorterDays { agreed.append(s("accommodation.shorterDays")) }
        if a.moreBreaks { agreed.append(s("accommodation.moreBreaks")) }
        if !a.mentor.isEmpty { agreed.append(s("accommodation.mentor", ["name": a.mentor])) }
        if a.quietWorkplace { agreed.append(s("accommodation.quiet")) }
        if !a.other.isEmpty { agreed.append(a.other) }
        add("internship.accommodations", agreed.joined(separator: "; "))
        for meeting in internship.followUps.sorted(by: { $0.day < $1.day }) {
            var who: [String] = []
            if meeting.withParticipant { who.append(s("presence.citizen")) }
            if meeting.withEmployer { who.append(s("presence.employer")) }
            add("internship.followUp", s.dayWithWeekday(meeting.day) + " · " + s("followUp.\(meeting.status.rawValue)") + " · "
                + who.joined(separator: ", ") + (meeting.notes.isEmpty ? "" : " · " + meeting.notes))
        }
        return lines
    }
}
