import StepwiseCore

/// The catalogue screen for the coach: every offer with its seats, one offer in detail, and
/// the attendance sheet of one session.
enum CatalogueView {
    /// An offer's sessions in date order.
    static func sessions(of offer: Offer) -> [OfferSession] {
        offer.sessions.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
    }

    static func render(_ catalogue: CatalogueState, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let offers = state.listed(catalogue.filter, env: env)
        Chrome.titleBar(
            &buffer, y: 0, left: "Stepwise · " + s("catalogue.title"),
            right: ShownCount.text("catalogue", shown: offers.count, of: state.offers.count, strings: s))
        // The filter stays in view above the list, however far it is scrolled.
        StyledLine([
            (s("offers.showing") + " ", .muted),
            (OffersView.describe(catalogue.filter, env: env), .bold),
        ]).draw(into: &buffer, x: 1, y: 2, width: buffer.width - 2)
        guard !state.catalogueReading else {
            return CatalogueReading.line(env: env).draw(into: &buffer, x: 1, y: 3, width: buffer.width - 2)
        }
        var lines: [(line: StyledLine, selected: Bool)] = []
        let rows = OffersView.window(
            offers, selection: catalogue.selection, filter: catalogue.filter, participant: "",
            today: state.today, height: buffer.height, width: buffer.width, env: env)
        let counted = OffersView.entries(after: lines.count, rows: rows, offers: offers.count, selection: catalogue.selection, height: buffer.height)
        lines += rows
        if offers.isEmpty { lines.append((StyledLine("  " + s("offers.noMatch"), .muted), false)) }
        ListDrawing.draw(lines, top: 3, bottom: buffer.height - 2, strings: env.strings, entries: counted, into: &buffer)
        guard let id = catalogue.sheet?.offer ?? catalogue.detail, let offer = state.offers.first(where: { $0.id == id }) else { return }
        let area = Overlays.box(&buffer, width: buffer.width - 2, height: buffer.height - 4, title: offer.title)
        if let sheet = catalogue.sheet {
            attendance(sheet, offer: offer, state: state, env: env, area: area, into: &buffer)
            return
        }
        let detail = details(offer, catalogue: catalogue, state: state, env: env, width: area.width)
        ScrollWindow(count: detail.count, height: area.height, first: catalogue.detailScroll).draw(
            detail, x: area.x, top: area.y, width: area.width, strings: s, into: &buffer)
    }

    /// The lines of an offer's details box in the catalogue, `width` columns wide: the offer,
    /// how many placements it has (counts only), who holds a seat and who waits.
    static func details(_ offer: Offer, catalogue: CatalogueState, state: AppState, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var detail = OfferText.detail(offer, participant: "", today: state.today, env: env, width: width)
        if let count = catalogue.placementCounts[offer.id] {
            detail.append(StyledLine("  " + PlacementView.count(count, env: env), .muted))
        }
        detail.append(.blank)
        let names = names(of: offer.booked + offer.waiting, state: state)
        detail.append(StyledLine(s("catalogue.bookedPeople"), .heading))
        detail += offer.booked.enumerated().map { StyledLine("  \($0.offset + 1). " + (names[$0.element.participantId] ?? $0.element.participantId)) }
        if !offer.waiting.isEmpty {
            detail.append(StyledLine(s("catalogue.waitingPeople"), .heading))
            detail += offer.waiting.enumerated().map {
                StyledLine("  \($0.offset + 1). " + (names[$0.element.participantId] ?? $0.element.participantId))
            }
        }
        return StyledLine.wrapping(detail, width: width)
    }

    /// The names of the people holding `seats`, from the caseload (the catalogue is the
    /// coach's own screen), found in one pass over it (`Caseload.names`): at 100,000
    /// participants a search per person made each key on the details take most of a second.
    /// A seat whose participant the caseload lacks is named by its id.
    private static func names(of seats: [Seat], state: AppState) -> [String: String] {
        state.caseload.names(of: Set(seats.map(\.participantId)))
    }

    private static func attendance(
        _ sheet: AttendanceSheet, offer: Offer, state: AppState, env: UIEnvironment,
        area: (x: Int, y: Int, width: Int, height: Int), into buffer: inout ScreenBuffer
    ) {
        let s = env.strings
        let sessions = sessions(of: offer)
        guard sessions.indices.contains(sheet.session) else { return }
        let session = sessions[sheet.session]
        buffer.put(
            s(
                "catalogue.attendanceFor",
                [
                    "date": s.dayWithWeekday(session.day), "start": session.start, "end": session.end,
                    "n": String(sheet.session + 1), "of": String(sessions.count),
                ]),
            x: area.x, y: area.y, style: .heading, limit: area.width)
        if !offer.canMarkAttendance(at: session, now: state.now, in: env.timeZone) {
            buffer.put(
                s("attendance.notStarted", ["date": s.dayWithWeekday(session.day), "start": session.start]),
                x: area.x, y: area.y + 1, style: .muted, limit: area.width)
        }
        let names = names(of: offer.booked, state: state)
        for (index, seat) in offer.booked.enumerated() where index < area.height - 2 {
            let y = area.y + 2 + index
            let status = offer.attendance(of: seat.participantId, at: session)
            let mark: String
            switch status {
            case .attended?: mark = "✓ " + s("attendance.attended")
            case .absent?: mark = "✗ " + s("attendance.absent")
            case .excused?: mark = "– " + s("attendance.excused")
            case nil: mark = "? " + s("attendance.notMarked")
            }
            let selected = index == sheet.selection
            let style: Style = selected ? .selected : .plain
            if selected { buffer.fill(y: y, from: area.x, to: area.x + area.width, style: style) }
            buffer.put(
                (selected ? "› " : "  ") + DisplayWidth.pad(names[seat.participantId] ?? seat.participantId, to: 35) + " " + mark,
                x: area.x, y: y, style: style, limit: area.width)
        }
    }
}
