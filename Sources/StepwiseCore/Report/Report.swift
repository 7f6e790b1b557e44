import Foundation

/// How the organisation is doing, for a period: participants, results at the end of the
/// course, step movement on the indicators, and the use of offers. Only counts and statistics,
/// never a name, an id, a free text or a date of birth; small counts are withheld
/// (`ReportTable.protected`). Pure: made from a tally and the catalogue.
public struct Report: Equatable, Sendable {
    public var query: ReportQuery
    /// The day it was made on.
    public var today: Day
    /// Participant files that could not be read (not counted anywhere else).
    public var unreadable: Int
    public var tables: [ReportTable]

    /// Reads each participant file once (only what the report uses, `DataStore.loadReportRecord`)
    /// and the catalogue once, and makes the report. The files are shared among `workers`
    /// threads (default: one per processor), each adding to a tally of its own, and the tallies
    /// are added up at the end: memory holds one file per thread and the tallies, whatever the
    /// number of participants. `progress` is told how many files of how many are done, about
    /// every 500 files, one call at a time. When `stop` answers true (asked about every 50
    /// files) the reading ends early and nil is returned.
    public static func make(
        store: DataStore, query: ReportQuery, indicators: IndicatorSet, strings: Localizer, today: Day,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil, stop: (@Sendable () -> Bool)? = nil
    ) -> Report? {
        let offers = store.loadOffers().offers
        var seats: [String: [String: String]] = [:]
        for offer in offers where offer.status == .open {
            for seat in offer.booked { seats[seat.participantId, default: [:]][offer.id] = offer.kind }
        }
        let ids = store.participantIDs()
        let reading = Reading(total: ids.count, workers: max(1, min(workers, ids.count / 100 + 1)), progress: progress)
        progress?(0, ids.count)
        DispatchQueue.concurrentPerform(iterations: reading.workers) { [seats] worker in
            var tally = ReportTally()
            var unreadable = 0
            // Worker w reads files w, w + workers, …: each thread reads across the whole folder.
            for index in stride(from: worker, to: ids.count, by: reading.workers) {
                if reading.begin() || (index / reading.workers % 50 == 0 && stop?() == true) {
                    reading.stop()
                    return
                }
                guard let record = try? store.loadReportRecord(ids[index]) else {
                    unreadable += 1
                    continue
                }
                let booked = seats[ids[index]] ?? [:]
                guard query.includes(record, bookedKinds: Set(booked.values)) else { continue }
                tally.add(record, booked: booked, query: query, today: today)
            }
            reading.finish(worker, tally: tally, unreadable: unreadable)
        }
        guard let (tally, unreadable) = reading.result() else { return nil }
        progress?(ids.count, ids.count)
        return Report(
            tally: tally, offers: offers, query: query, indicators: indicators, strings: strings, today: today,
            unreadable: unreadable)
    }

    /// The shared state of the threads that read the participant files for `make`: files done,
    /// the stop, and each thread's tally.
    private final class Reading: @unchecked Sendable {
        let total: Int
        let workers: Int
        private let progress: (@Sendable (Int, Int) -> Void)?
        private let lock = NSLock()
        private var count = 0
        private var stopped = false
        private var tallies: [ReportTally?]
        private var unreadable = 0

        init(total: Int, workers: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            self.total = total
            self.workers = workers
            self.progress = progress
            tallies = Array(repeating: nil, count: workers)
        }

        /// Counts one more file begun (telling `progress` every 500); true when reading stopped.
        func begin() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            if count % 500 == 0 { progress?(count, total) }
            return stopped
        }

        func stop() {
            lock.withLock { stopped = true }
        }

        func finish(_ worker: Int, tally: ReportTally, unreadable files: Int) {
            lock.withLock {
                tallies[worker] = tally
                unreadable += files
            }
        }

        /// Every thread's tally added up in order, and the files not read; nil when stopped.
        func result() -> (ReportTally, Int)? {
            lock.withLock {
                guard !stopped else { return nil }
                var sum = ReportTally()
                for tally in tallies { if let tally { sum.add(tally) } }
                return (sum, unreadable)
            }
        }
    }

    /// The report's tables from a tally and the catalogue, with small counts withheld.
    public init(
        tally: ReportTally, offers: [Offer], query: ReportQuery, indicators: IndicatorSet, strings s: Localizer, today: Day,
        unreadable: Int = 0
    ) {
        self.query = query
        self.today = today
        self.unreadable = unreadable
        let inPeriod = offers.filter { offer in
            (query.offerKind == nil || offer.kind == query.offerKind)
                && offer.sessions.contains { (query.from...query.to).contains($0.day) }
        }
        let later = Outcome.laterMonths.map { months in
            Report.results(
                tally.laterResults[months] ?? [:], id: "results\(months)Months", title: s("report.results.later", ["n": String(months)]),
                note: s("report.results.later.note", ["n": String(months)]), s)
        }
        let made =
            [
                Report.participants(tally, s),
                Report.conversations(tally, s),
                Report.results(tally.results, id: "results", title: s("report.results"), note: nil, s),
            ] + later + [
                Report.movement(tally, indicators: indicators, s),
                Report.movedOnEnough(tally, query: query, s),
                Report.offersByKind(inPeriod, s),
                Report.offersByTitle(inPeriod, s),
                Report.kindsBookedByThoseInWork(tally, s),
            ]
        tables = made.map { $0.protected() }
    }

    private static func count(_ n: Int) -> ReportCell { .count(n) }

    private static func share(_ part: Int, of whole: Int) -> ReportCell { whole > 0 ? .share(Double(part) / Double(whole)) : .none }

    private static func participants(_ t: ReportTally, _ s: Localizer) -> ReportTable {
        let rows: [(String, Int)] = [("counted", t.participants), ("started", t.started), ("ended", t.ended), ("inCourse", t.inCourse)]
        var table = ReportTable(
            id: "participants", title: s("report.participants"), columnIDs: ["count"], columns: [s("report.count")],
            rows: rows.map { ReportTable.Row(id: $0.0, label: s("report.participants.\($0.0)"), cells: [count($0.1)]) })
        let weeks = ReportTally.median(t.weeksInCourse)
        table.rows.append(
            ReportTable.Row(
                id: "medianWeeks", label: s("report.participants.medianWeeks"),
                cells: [(1..<ReportTable.threshold).contains(t.participants) ? .withheld : weeks.map(ReportCell.number) ?? .none]))
        table.peopleColumns = [0]
        return table
    }

    private static func conversations(_ t: ReportTally, _ s: Localizer) -> ReportTable {
        let parts: [(String, Int)] = [
            ("onTime", t.conversationsOnTime), ("late", t.conversationsLate), ("missed", t.conversationsMissed),
            ("overdue", t.conversationsOverdue),
        ]
        let total = parts.reduce(0) { $0 + $1.1 }
        var table = ReportTable(
            id: "conversations", title: s("report.conversations"), columnIDs: ["count", "share"],
            columns: [s("report.count"), s("report.share")],
            rows: (parts + [("total", total)]).map {
                ReportTable.Row(id: $0.0, label: s("report.conversations.\($0.0)"), cells: [count($0.1), share($0.1, of: total)])
            })
        protect(&table, partRows: Array(parts.indices), totalRow: parts.count)
        return table
    }

    /// Results (result → participants) as counts and shares of their total.
    private static func results(
        _ results: [ReportTally.Result: Int], id: String, title: String, note: String?, _ s: Localizer
    ) -> ReportTable {
        let parts = ReportTally.Result.allCases.map { ($0.rawValue, results[$0] ?? 0) }
        let total = parts.reduce(0) { $0 + $1.1 }
        var table = ReportTable(
            id: id, title: title, columnIDs: ["count", "share"],
            columns: [s("report.count"), s("report.share")],
            rows: (parts + [("total", total)]).map {
                ReportTable.Row(id: $0.0, label: s("report.result.\($0.0)"), cells: [count($0.1), share($0.1, of: total)])
            }, note: note)
        protect(&table, partRows: Array(parts.indices), totalRow: parts.count)
        return table
    }

    private static func movement(_ t: ReportTally, indicators: IndicatorSet, _ s: Localizer) -> ReportTable {
        let lines =
            indicators.indicators.map { ($0.id, $0.text[s.language] ?? $0.text["en"] ?? $0.id, t.indicators[$0.id] ?? .init()) }
            + [("coachBelief", indicators.coachBelief[s.language] ?? indicators.coachBelief["en"] ?? "", t.coachBelief)]
        var table = ReportTable(
            id: "movement", title: s("report.movement"),
            columnIDs: movementColumns, columns: movementColumns.map { s("report.movement.\($0)") },
            rows: lines.map { id, label, m in
                ReportTable.Row(
                    id: id, label: label,
                    cells: [
                        count(m.count), count(m.higher), count(m.equal), count(m.lower),
                        share(m.higher, of: m.count), share(m.equal, of: m.count), share(m.lower, of: m.count),
                        m.medianChange.map(ReportCell.number) ?? .none,
                        m.medianFirst.map(ReportCell.number) ?? .none,
                        m.medianLatest.map(ReportCell.number) ?? .none,
                    ])
            }, note: s("report.movement.note"))
        table.peopleColumns = [0, 1, 2, 3]
        for row in table.rows.indices {
            let p = { ReportTable.Position(row, $0) }
            table.groups.append(.init(parts: [p(1), p(2), p(3)], total: p(0)))
            table.derived[p(4)] = [p(1), p(0)]
            table.derived[p(5)] = [p(2), p(0)]
            table.derived[p(6)] = [p(3), p(0)]
            for median in 7..<movementColumns.count { table.derived[p(median)] = [p(0)] }
        }
        return table
    }

    /// The movement table's columns; the medians (from column 7) are made from column 0.
    static let movementColumns = [
        "participants", "higher", "equal", "lower", "higherShare", "equalShare", "lowerShare", "medianChange", "medianFirst",
        "medianLatest",
    ]

    private static func movedOnEnough(_ t: ReportTally, query: ReportQuery, _ s: Localizer) -> ReportTable {
        var table = ReportTable(
            id: "movedOnEnough", title: s("report.moved", ["n": String(query.minimumIndicators)]),
            columnIDs: ["count", "share"], columns: [s("report.count"), s("report.share")],
            rows: [
                ReportTable.Row(
                    id: "moved", label: s("report.moved.yes"), cells: [count(t.movedOnEnough), share(t.movedOnEnough, of: t.rated)]),
                ReportTable.Row(
                    id: "notMoved", label: s("report.moved.no"),
                    cells: [count(t.rated - t.movedOnEnough), share(t.rated - t.movedOnEnough, of: t.rated)]),
                ReportTable.Row(id: "rated", label: s("report.moved.rated"), cells: [count(t.rated), share(t.rated, of: t.rated)]),
            ])
        protect(&table, partRows: [0, 1], totalRow: 2)
        return table
    }

    /// Offer figures: seats, bookings, the waitlist, attendance marks.
    private struct OfferFigures {
        var offers = 0, seats = 0, booked = 0, waiting = 0, attended = 0, marked = 0, absent = 0, cancelled = 0
        /// The people with an attendance mark: the attendance rate is made from them.
        var markedPeople: Set<String> = []

        init() {}

        init(_ offer: Offer) {
            offers = 1
            cancelled = offer.status == .cancelled ? 1 : 0
            seats = offer.status == .open ? offer.capacity : 0
            booked = offer.status == .open ? offer.booked.count : 0
            waiting = offer.status == .open ? offer.waiting.count : 0
            attended = offer.attendance.filter { $0.status == .attended }.count
            absent = offer.attendance.filter { $0.status == .absent }.count
            marked = offer.attendance.count
            markedPeople = Set(offer.attendance.map(\.participantId))
        }

        static func + (a: OfferFigures, b: OfferFigures) -> OfferFigures {
            var sum = a
            sum.offers += b.offers
            sum.seats += b.seats
            sum.booked += b.booked
            sum.waiting += b.waiting
            sum.attended += b.attended
            sum.marked += b.marked
            sum.absent += b.absent
            sum.cancelled += b.cancelled
            sum.markedPeople.formUnion(b.markedPeople)
            return sum
        }

        var cells: [ReportCell] {
            [
                .count(offers), .count(seats), .count(booked), .count(waiting),
                seats > 0 ? .share(Double(booked) / Double(seats)) : .none,
                (1..<ReportTable.threshold).contains(markedPeople.count)
                    ? .withheld : marked > 0 ? .share(Double(attended) / Double(marked)) : .none,
                .count(absent), .count(cancelled),
            ]
        }
    }

    private static let offerColumns = ["offers", "seats", "booked", "waiting", "fillRate", "attendanceRate", "noShows", "cancelled"]

    private static func offerTable(
        id: String, title: String, rows: [(id: String, label: String, figures: OfferFigures)],
        _ s: Localizer
    ) -> ReportTable {
        let total = rows.reduce(OfferFigures()) { $0 + $1.figures }
        var table = ReportTable(
            id: id, title: title, columnIDs: offerColumns, columns: offerColumns.map { s("report.offers.\($0)") },
            rows: rows.map { ReportTable.Row(id: $0.id, label: $0.label, cells: $0.figures.cells) }
                + [ReportTable.Row(id: "total", label: s("report.total"), cells: total.cells)])
        table.peopleColumns = [2, 3, 6]
        let totalRow = rows.count
        for column in [2, 3, 6] {
            table.groups.append(.init(parts: rows.indices.map { ReportTable.Position($0, column) }, total: .init(totalRow, column)))
        }
        for row in 0...totalRow {
            table.derived[.init(row, 4)] = [.init(row, 2)]
            // Attendance is marked for the booked: a rate of a withheld number booked is withheld.
            table.derived[.init(row, 5)] = [.init(row, 2), .init(row, 6)]
        }
        return table
    }

    private static func offersByKind(_ offers: [Offer], _ s: Localizer) -> ReportTable {
        let kinds = Dictionary(grouping: offers, by: \.kind)
        let rows = kinds.keys.sorted { order($0) < order($1) }.map { kind in
            (
                id: kind, label: OfferKind.name(kind, in: s),
                figures: kinds[kind, default: []].reduce(OfferFigures()) { $0 + OfferFigures($1) }
            )
        }
        return offerTable(id: "offersByKind", title: s("report.offersByKind"), rows: rows, s)
    }

    private static func offersByTitle(_ offers: [Offer], _ s: Localizer) -> ReportTable {
        let rows = offers.sorted { ($0.firstDay ?? Day(ordinal: 0), $0.title) < ($1.firstDay ?? Day(ordinal: 0), $1.title) }
            .map { (id: $0.id, label: $0.title, figures: OfferFigures($0)) }
        return offerTable(id: "offersByOffer", title: s("report.offersByOffer"), rows: rows, s)
    }

    private static func kindsBookedByThoseInWork(_ t: ReportTally, _ s: Localizer) -> ReportTable {
        let kinds = t.kindsBookedByThoseInWork.keys.sorted { order($0) < order($1) }
        let total = t.kindsBookedByThoseInWork.values.reduce(0, +)
        var table = ReportTable(
            id: "offersBeforeWork", title: s("report.offersBeforeWork"), columnIDs: ["seats"],
            columns: [s("report.offers.seatsHeld")],
            rows: kinds.map {
                ReportTable.Row(
                    id: $0, label: OfferKind.name($0, in: s),
                    cells: [count(t.kindsBookedByThoseInWork[$0] ?? 0)])
            }
                + [ReportTable.Row(id: "total", label: s("report.total"), cells: [count(total)])])
        table.peopleColumns = [0]
        table.groups = [.init(parts: kinds.indices.map { .init($0, 0) }, total: .init(kinds.count, 0))]
        return table
    }

    /// Rows `partRows` add up to `totalRow` in column 0 (people); column 1 is their share.
    private static func protect(_ table: inout ReportTable, partRows: [Int], totalRow: Int) {
        table.peopleColumns = [0]
        table.groups = [.init(parts: partRows.map { .init($0, 0) }, total: .init(totalRow, 0))]
        for row in partRows + [totalRow] { table.derived[.init(row, 1)] = [.init(row, 0), .init(totalRow, 0)] }
    }

    /// Built-in kinds in the catalogue's order, then others by name.
    private static func order(_ kind: String) -> (Int, String) {
        (OfferKind.builtIn.firstIndex(of: kind) ?? OfferKind.builtIn.count, kind)
    }
}
