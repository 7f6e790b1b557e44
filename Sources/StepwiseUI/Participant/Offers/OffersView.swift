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
        guard !state.catalogueReading else {
            ListDrawing.draw(
                lines + [(CatalogueReading.line(env: env), false)], top: ParticipantView.top + 1, bottom: buffer.height - 2,
                strings: env.strings, into: &buffer)
            return
        }
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
        let dates = offers[range].map { date($0, filter: filter, env: env) }
        let seats = offers[range].map { self.seats($0, today: today, env: env) }
        let columns = Columns(
            titles: offers[range].map { DisplayWidth.of($0.title) }.max() ?? 0, dates: dates.map(DisplayWidth.of).max() ?? 0,
            seats: seats.map(DisplayWidth.of).max() ?? 0, screen: width)
        var lines: [(line: StyledLine, selected: Bool)] = []
        var group: String?
        for (offset, index) in range.enumerated() {
            let heading = self.heading(offers[index], filter: filter, env: env)
            if heading != group {
                lines.append((StyledLine(heading, .heading), false))
                group = heading
            }
            lines.append(
                (row(offers[index], participant: participant, date: dates[offset], seats: seats[offset], columns: columns), index == selection))
        }
        return lines
    }

    /// The widths of the list's title and date columns: the seats column, last, is as wide as
    /// its longest text among the rows laid out, and the date column too (at least 20 columns);
    /// the title column takes 30 columns, or more up to all the width beyond 80 columns when a
    /// title needs it, and gives way (down to 14 columns, its titles ending in "…") so that the
    /// date and seats read whole in every language.
    struct Columns: Equatable {
        let title: Int
        let date: Int

        /// The columns for rows whose longest title, date and seats texts are `titles`, `dates`
        /// and `seats` columns wide, on a screen `screen` columns wide.
        init(titles: Int, dates: Int, seats: Int, screen: Int) {
            date = max(20, dates)
            // A row: a space, the mark (2), a space, the title, a space, the date, two spaces, the seats.
            let room = screen - 2 - 4 - 1 - date - 2 - seats
            title = max(14, min(min(30 + max(0, screen - 80), max(30, titles)), room))
        }
    }

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
    /// never the ✓ of a seat); then the title, the `date` and the `seats` texts (from `date`
    /// and `seats`) in `columns`.
    static func row(_ offer: Offer, participant: String, date: String, seats: String, columns: Columns) -> StyledLine {
        var mark: (String, Style) = ("  ", .plain)
        switch (offer.status, Booking.place(of: participant, in: offer)) {
        case (.cancelled, _): mark = ("✗ ", .warning)
        case (_, .seat?): mark = ("✓ ", Style(bold: true, role: .accent))
        case (_, .waiting(let n)?): mark = ("◷" + (n < 10 ? String(n) : "+"), .warning)
        case (_, nil): break
        }
        return StyledLine([
            (" ", .plain), mark, (" " + DisplayWidth.pad(offer.title, to: columns.title), .bold),
            (" " + DisplayWidth.pad(date, to: columns.date), .plain), ("  " + seats, .muted),
        ])
    }

    /// The date an offer is listed by ("Tue 1 Dec 10:00"): the one the filter lists it by
    /// (`OfferFilter.shownSession`); empty for an offer without dates.
    static func date(_ offer: Offer, filter: OfferFilter, env: UIEnvironment) -> String {
        filter.shownSession(offer).map { env.strings.dayWithWeekday($0.day, year: false) + " " + $0.start } ?? ""
    }

    /// The seats column of an offer's row: "2/3 seats, 1 waiting"; "cancelled" for a cancelled
    /// offer; an offer whose dates are all past says so first ("ended · 2/3 seats").
    static func seats(_ offer: Offer, today: Day, env: UIEnvironment) -> String {
        let s = env.strings
        if offer.status == .cancelled { return s("offers.cancelled") }
        let seats = OfferText.seats(offer, short: true, env: env)
        return OfferFilter.isPast(offer, today: today) ? s("offers.ended") + " · " + seats : seats
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
