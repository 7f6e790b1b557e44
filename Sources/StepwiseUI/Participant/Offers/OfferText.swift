import StepwiseCore

/// Offer facts in words, shared by the list, the detail and the plan.
enum OfferText {
    /// The kind's name; a custom kind as it was written.
    static func kind(_ kind: String, env: UIEnvironment) -> String {
        OfferKind.name(kind, in: env.strings)
    }

    /// "9 of 12 seats booked, 2 waiting", or in a list row (`short`) "9/12 seats, 2 waiting".
    static func seats(_ offer: Offer, short: Bool = false, env: UIEnvironment) -> String {
        var text = env.strings(short ? "offers.seatsShort" : "offers.seats", count: offer.capacity, ["n": String(offer.booked.count), "of": String(offer.capacity)])
        if !offer.waiting.isEmpty { text += ", " + env.strings("offers.waitingCount", count: offer.waiting.count) }
        return text
    }

    /// Every line of an offer's detail view.
    static func detail(_ offer: Offer, participant: String, today: Day, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        // A title longer than the box's top border (`Overlays.box`) is given whole first.
        let title = DisplayWidth.of(offer.title) > width - 2 ? StyledLine(offer.title, .heading).wrapped(width: width, indent: 2) : []
        var lines: [StyledLine] = title + [
            StyledLine([
                (kind(offer.kind, env: env), .heading), ("  ·  " + (offer.place == "online" ? s("offers.online") : offer.place), .plain),
            ]),
            StyledLine([(seats(offer, env: env), .bold), (offer.status == .cancelled ? "  ✗ " + s("offers.cancelled") : "", .warning)]),
        ]
        // A cancelled offer holds no seat and no place in line, whatever its lists still say.
        switch (offer.status, Booking.place(of: participant, in: offer)) {
        case (.cancelled, _?): lines.append(StyledLine("✗ " + s("offers.cancelledYours"), .warning))
        case (_, .seat?): lines.append(StyledLine("✓ " + s("offers.youBookedLong"), Style(bold: true, role: .accent)))
        case (_, .waiting(let n)?): lines.append(StyledLine("◷ " + s("offers.waitPlaceLong", ["n": String(n)]), .warning))
        case (_, nil): break
        }
        if offer.status == .open && OfferFilter.isPast(offer, today: today) { lines.append(StyledLine(s("offers.endedLong"), .muted)) }
        lines.append(.blank)
        if !offer.description.isEmpty { lines += StyledLine(offer.description).wrapped(width: width, indent: 0) }
        if !offer.suits.isEmpty {
            lines += StyledLine([(s("offers.suits") + " ", .muted), (offer.suits, .plain)]).wrapped(width: width, indent: 2)
        }
        lines.append(StyledLine([(s("offers.language") + " ", .muted), (s.languageName(offer.language), .plain)]))
        for facilitator in offer.facilitators {
            lines.append(
                StyledLine([
                    (s("offers.facilitator") + " ", .muted), (facilitator.name, .plain),
                    (" (" + s("facilitator.\(facilitator.role.rawValue)") + ")", .muted),
                ]))
        }
        lines.append(.blank)
        lines.append(StyledLine(s("offers.sessions"), .heading))
        let sessions = offer.sessions.sorted(by: { ($0.day, $0.start) < ($1.day, $1.start) })
        for row in DisplayWidth.table(sessions.map { [s.dayWithWeekday($0.day), $0.times] }) {
            lines.append(StyledLine("  " + row))
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
        add(
            "internship.contact",
            [internship.contact.name, internship.contact.phone, internship.contact.email].filter { !$0.isEmpty }.joined(separator: " · "))
        if let start = internship.start {
            add("internship.period", s.shortDate(start) + (internship.end.map { " – " + s.shortDate($0) } ?? ""))
        }
        if let hours = internship.hoursPerWeek {
            add("internship.hours", s.number(hours))
        }
        add("internship.tasks", internship.tasks)
        return lines
    }
}
