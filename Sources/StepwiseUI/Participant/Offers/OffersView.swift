import StepwiseCore

/// The offers tab: the catalogue for the open participant, with their own bookings marked.
/// Other people's bookings show as counts only. The citizen's recent news from their journal
/// (moved up from a waitlist, an offer cancelled, a place given up) comes first.
enum OffersView {
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let offers = state.listed(open.offerFilter, env: env)
        // The filter stays in view above the list, however far it is scrolled.
        StyledLine([
            (s("offers.showing") + " ", .muted),
            (describe(open.offerFilter, env: env), .bold),
            ("  (f, /, G)", .muted),
        ]).draw(into: &buffer, x: 1, y: ParticipantView.top, width: buffer.width - 2)
        let news = open.memo.news.value(for: ViewInputs(open, state: state, env: env))
            ?? OfferMessages.news(open.participant, today: state.today, env: env)
        var lines: [(line: StyledLine, selected: Bool)] = news.map { ($0, false) }
        if offers.isEmpty { lines.append((StyledLine("  " + s("offers.noMatch"), .muted), false)) }
        let rows = window(
            offers, selection: open.offerSelection, filter: open.offerFilter, participant: open.participant.id,
            today: state.today, height: buffer.height, width: buffer.width, env: env)
        let counted = entries(after: lines.count, rows: rows, offers: offers.count, selection: open.offerSelection, height: buffer.height)
        ListDrawing.draw(
            lines + rows, top: ParticipantView.top + 1, bottom: buffer.height - 2, strings: env.strings, entries: counted, into: &buffer)
    }

    /// The rows around the selection, under their group headings: a catalogue may hold
    /// hundreds of offers and a screen shows a few, so only those are laid out.
    static func window(
        _ offers: [Offer], selection: Int, filter: OfferFilter, participant: String, today: Day, height: Int, width: Int,
        env: UIEnvironment
    ) -> [(line: StyledLine, selected: Bool)] {
        let range = windowRange(offers.count, selection: selection, height: height)
        let titles = titleWidth(offers[range].map { DisplayWidth.of($0.title) }.max() ?? 0, screen: width)
        var lines: [(line: StyledLine, selected: Bool)] = []
        var group: String?
        for index in range {
            let heading = self.heading(offers[index], filter: filter, env: env)
            if heading != group {
                lines.append((StyledLine(heading, .heading), false))
                group = heading
            }
            lines.append(
                (row(offers[index], participant: participant, filter: filter, today: today, titleWidth: titles, env: env), index == selection))
        }
        return lines
    }

    /// The title column's width on a screen `screen` columns wide when the longest title laid
    /// out is `longest` columns: 30, or wider up to all the width beyond 80 columns when a title
    /// needs it (the date and seat columns keep their size).
    static func titleWidth(_ longest: Int, screen: Int) -> Int { min(30 + max(0, screen - 80), max(30, longest)) }

    /// Which offers `window` lays out.
    private static func windowRange(_ count: Int, selection: Int, height: Int) -> Range<Int> {
        max(0, selection - height)..<min(count, selection + height)
    }

    /// What the scroll marks count in a list of `offers` offers whose `rows` (from `window`) come
    /// after `after` other rows: offers ("↓ 12 more offers"), those not laid out included.
    static func entries(
        after: Int, rows: [(line: StyledLine, selected: Bool)], offers: Int, selection: Int, height: Int
    ) -> ListEntries {
        let range = windowRange(offers, selection: selection, height: height)
        // A group heading is the one row of `window` drawn in the heading style.
        let starts = rows.indices.filter { rows[$0].line.segments.first?.style != .heading }.map { after + $0 }
        return ListEntries(
            key: "offers.scroll", starts: starts,
            beyond: (range.lowerBound, max(0, offers - range.upperBound)))
    }

    /// "✓ Mentorstøtte                   Tue 1 Dec 10:00   2/3 seats, 1 waiting": the
    /// participant's own mark first, so that it is never cut off (a cancelled offer is ✗,
    /// never the ✓ of a seat); the date is the one the filter lists it by
    /// (`OfferFilter.shownSession`); an offer whose dates are all past says so.
    static func row(
        _ offer: Offer, participant: String, filter: OfferFilter, today: Day, titleWidth: Int, env: UIEnvironment
    ) -> StyledLine {
        let s = env.strings
        var mark: (String, Style) = ("  ", .plain)
        switch (offer.status, Booking.place(of: participant, in: offer)) {
        case (.cancelled, _): mark = ("✗ ", .warning)
        case (_, .seat?): mark = ("✓ ", Style(bold: true, role: .accent))
        case (_, .waiting(let n)?): mark = ("◷" + (n < 10 ? String(n) : "+"), .warning)
        case (_, nil): break
        }
        var segments: [(String, Style)] = [(" ", .plain), mark, (" " + DisplayWidth.pad(offer.title, to: titleWidth), .bold)]
        let shown = filter.shownSession(offer)
        segments.append(
            (" " + DisplayWidth.pad(shown.map { s.dayWithWeekday($0.day, year: false) + " " + $0.start } ?? "", to: 20), .plain))
        var seats = s("offers.seatsShort", count: offer.capacity, ["n": String(offer.booked.count), "of": String(offer.capacity)])
        if !offer.waiting.isEmpty { seats += ", " + s("offers.waitingCount", count: offer.waiting.count) }
        if offer.status == .cancelled {
            seats = s("offers.cancelled")
        } else if OfferFilter.isPast(offer, today: today) {
            seats = s("offers.ended") + " · " + seats
        }
        segments.append(("  " + seats, .muted))
        return StyledLine(segments)
    }

    /// The group an offer is listed under: its kind, or the week of the date it is listed by.
    static func heading(_ offer: Offer, filter: OfferFilter, env: UIEnvironment) -> String {
        let s = env.strings
        guard filter.grouping == .date else { return OfferText.kind(offer.kind, env: env) }
        return filter.shownSession(offer).map { s("offers.week", ["date": s.shortDate(CourseFrame.monday(of: $0.day))]) }
            ?? s("offers.undated")
    }

    static func describe(_ filter: OfferFilter, env: UIEnvironment) -> String {
        let s = env.strings
        var parts: [String] = [filter.kind.map { OfferText.kind($0, env: env) } ?? s("offers.allKinds")]
        if let from = filter.from { parts.append(s("offers.from", ["date": s.shortDate(from)])) }
        if filter.freeSeatsOnly { parts.append(s("offers.freeOnly")) }
        if let language = filter.language { parts.append(s.languageName(language)) }
        if !filter.query.isEmpty { parts.append(s("summary.quoted", ["text": filter.query])) }
        parts.append(s(filter.grouping == .kind ? "offers.byKind" : "offers.byDate"))
        return parts.joined(separator: " · ")
    }
}
