import Foundation

/// The plan summary of one participant, in the citizen's language: who they work with,
/// their goals and steps in their own words, their offers with dates and places, the next
/// appointments, what was agreed last time, and how it is going.
///
/// Everything is computed from the values given (no clock, no files), so the same input
/// always gives the same output. Write it with `text(pageWidth:pageHeight:)` (A4 pages),
/// `printable(pageWidth:pageHeight:)` (the same pages for `lp`), `markdown()` or `html()`.
public struct Summary: Sendable {
    public let participant: Participant
    /// The offer catalogue (or at least the offers the participant is booked into or waits for).
    public let offers: [Offer]
    public let indicators: IndicatorSet
    /// The strings of the summary's language (normally the citizen's, see `localizer`).
    public let strings: Localizer
    public let today: Day
    /// The coach's name as it should stand on the summary.
    public let coach: String
    /// The zone in which a session's start time is read as a day.
    public let timeZone: TimeZone
    /// The organisation, the coach's phone and e-mail, and the lines to sign.
    public let letterhead: SummaryLetterhead

    /// A summary of `participant` on `today`, written with `strings`.
    public init(
        participant: Participant, offers: [Offer], indicators: IndicatorSet, strings: Localizer, today: Day, coach: String,
        timeZone: TimeZone = .current, letterhead: SummaryLetterhead = .none
    ) {
        self.participant = participant
        self.offers = offers
        self.indicators = indicators
        self.strings = strings
        self.today = today
        self.coach = coach
        self.timeZone = timeZone
        self.letterhead = letterhead
    }

    /// The strings for a summary: `language` (the citizen's unless told otherwise) when it has
    /// a table in `resources/strings`, else English. Throws only when English cannot be read.
    public static func localizer(language: String, resources: URL) throws -> Localizer {
        if let table = try? Localizer.load(language: language, resources: resources) { return table }
        return try Localizer.load(language: "en", resources: resources)
    }

    /// The summary in the citizen's own language (English when it has no strings), unless
    /// `language` is given.
    public static func make(
        participant: Participant, offers: [Offer], indicators: IndicatorSet, resources: URL,
        language: String? = nil, today: Day, coach: String, timeZone: TimeZone = .current,
        letterhead: SummaryLetterhead = .none
    ) throws -> Summary {
        let strings = try localizer(language: language ?? participant.language, resources: resources)
        return Summary(
            participant: participant, offers: offers, indicators: indicators, strings: strings, today: today, coach: coach,
            timeZone: timeZone, letterhead: letterhead)
    }

    /// The language the summary is written in.
    public var language: String { strings.language }

    /// The sections of the take-home plan, in the order every format (PDF, text, Markdown,
    /// HTML, the Summary tab) shows them: first who the citizen is, then what they will do and
    /// where, then who does what next and who may know, then how it is going, the approval,
    /// and who to call. A section with no items is left out.
    ///
    /// A new part of the plan is one line here, at its place in that order, naming a
    /// `SummarySection` property of `Summary` (in a file of its own) as a list of one, or a
    /// property giving several sections in their order.
    static var sectionOrder: [KeyPath<Summary, [SummarySection]>] {
        [
            \.aboutMe.asList,  // who I am, what I'm good at, the support I want and do not want
            \.goals.asList,  // my goals and steps
            \.bookedOffers.asList,  // my offers and their sessions (weekly ones on one line)
            \.placements.asList,  // my internship placement (period, hours, agreed adjustments, follow-ups)
            \.jobSearchSections,  // my job search (agreement, applications, interviews) and follow-along support
            \.appointments.asList,  // next appointments and who contacts whom
            \.agreements.asList,  // what we agreed last time
            \.people.asList,  // the people I agreed you may share with
            \.progress.asList,  // my ratings, steps done, milestones; the coach's rating apart
            \.approval.asList,  // the version I approved, and when
            \.signatures.asList,  // lines to sign, when the organisation wants them
            \.whoToCall.asList,  // my coach and the organisation, with phone and e-mail
        ]
    }

    /// The summary's content, ready to be written in any format.
    public var document: SummaryDocument {
        let s = strings
        let sections = Summary.sectionOrder.flatMap { self[keyPath: $0] }.filter { !$0.items.isEmpty }
        return SummaryDocument(
            language: s.language, title: s("summary.header", ["name": SummaryText.clean(participant.name)]),
            facts: facts, sections: sections, closing: s("summary.closing"))
    }

    // MARK: - Parts

    private var facts: [SummaryFact] {
        let s = strings
        let p = participant
        var arguments = ["from": s.shortDate(p.courseStart), "to": s.shortDate(p.courseEnd), "of": String(p.courseFrame.weeks)]
        let course: String
        switch p.courseFrame.position(start: p.courseStart, today: today) {
        case .notStarted(let days):
            course = s("summary.courseNotStarted", count: days, arguments)
        case .week(let week):
            arguments["n"] = String(week)
            course = s("summary.course", arguments)
        case .ended:
            course = s("summary.courseEnded", arguments)
        }
        var facts = [SummaryFact(label: s("summary.fact.course"), value: course)]
        if !coachName.isEmpty { facts.append(SummaryFact(label: s("summary.fact.coach"), value: coachName)) }
        facts.append(SummaryFact(label: s("summary.fact.date"), value: s.dayWithWeekday(today)))
        return facts
    }

    /// The coach's name as the citizen knows it: the configured name, else the summary's `coach`.
    var coachName: String { SummaryText.clean(letterhead.coachName ?? coach) }

    /// Lines for the citizen and the coach to sign and date, when the organisation wants them.
    var signatures: SummarySection {
        guard letterhead.signatureLines else { return SummarySection(id: "signatures", heading: "", items: []) }
        let s = strings
        let line = String(repeating: "_", count: 28)
        let items = ["summary.signature.citizen", "summary.signature.coach"].map { key in
            SummaryItem([
                SummaryRun(s(key) + ": ", .strong),
                SummaryRun(line + "  " + s("summary.fact.date") + ": " + String(repeating: "_", count: 12)),
            ])
        }
        return SummarySection(id: "signatures", heading: s("summary.signatures"), items: items)
    }

    var people: SummarySection {
        let s = strings
        var items: [SummaryItem] = []
        // Only what is agreed today: a contact removed, refused, withdrawn or past its end date is left out.
        for contact in participant.contacts {
            let sharing = contact.sharing(on: today)
            guard !sharing.isEmpty else { continue }
            var runs = [SummaryRun(SummaryText.clean(contact.name), .strong), SummaryRun(" · " + s("contact.\(contact.kind.rawValue)"))]
            let details = [contact.phone, contact.email].map { SummaryText.clean($0) }.filter { !$0.isEmpty }
            if !details.isEmpty { runs.append(SummaryRun(" · " + details.joined(separator: " · "))) }
            let what = sharing.map { s("consent.information.\($0.rawValue)") }.joined(separator: ", ")
            let until = contact.consent.last?.until.map { s("summary.consentUntil", ["date": s.dayWithWeekday($0)]) } ?? ""
            runs.append(SummaryRun(" · " + s("summary.consentSharing", ["what": what]) + until))
            items.append(SummaryItem(marker: "•", runs))
        }
        if items.isEmpty {
            items.append(SummaryItem([SummaryRun(s("summary.noPeople"), .note)]))
        } else {
            items.insert(SummaryItem([SummaryRun(s("summary.peopleNote"), .note)]), at: 0)
        }
        return SummarySection(id: "people", heading: s("summary.people"), items: items)
    }

    var goals: SummarySection {
        let s = strings
        var items: [SummaryItem] = []
        let offerTitles = linkedOfferTitles
        for goal in participant.plan.goals where goal.dropped == nil {
            var runs: [SummaryRun] = []
            if goal.isSuggestion { runs += [SummaryRun("? " + s("summary.suggestion"), .note), SummaryRun(" · ")] }
            runs.append(SummaryRun(s("goal.kind.\(goal.kind.rawValue)") + ": ", .strong))
            runs += words(goal.text)
            let steps = goal.steps.filter { $0.status != .dropped }.map { step($0, offerTitles: offerTitles) }
            items.append(SummaryItem(runs, children: steps))
        }
        if items.isEmpty { items.append(SummaryItem([SummaryRun(s("summary.noGoals"), .note)])) }
        return SummarySection(id: "goals", heading: s("summary.goals"), items: items)
    }

    /// The titles of the offers the plan's steps link to, by offer id (of the first offer
    /// with that id): found in one pass over the catalogue, not one per step.
    private var linkedOfferTitles: [String: String] {
        let ids = Set(participant.plan.goals.flatMap(\.steps).compactMap(\.offerId))
        var titles: [String: String] = [:]
        guard !ids.isEmpty else { return titles }
        for index in offers.indices where ids.contains(offers[index].id) && titles[offers[index].id] == nil {
            titles[offers[index].id] = offers[index].title
        }
        return titles
    }

    /// "○ “Update my CV” · me · by Fri 4 Dec 2026 · planned"; `offerTitles` by offer id.
    private func step(_ step: Step, offerTitles: [String: String]) -> SummaryItem {
        let s = strings
        var runs: [SummaryRun] = []
        if step.isSuggestion { runs += [SummaryRun("? " + s("summary.suggestion"), .note), SummaryRun(" · ")] }
        runs += words(step.text)
        var details = [SummaryText.clean(step.who.words(in: s))]
        if let due = step.due { details.append(s("summary.due", ["date": s.dayWithWeekday(due)])) }
        if let title = step.offerId.flatMap({ offerTitles[$0] }) { details.append("→ " + SummaryText.clean(title)) }
        runs.append(SummaryRun(" · " + details.joined(separator: " · ")))
        runs += [SummaryRun(" · "), SummaryRun(s("step.status.\(step.status.rawValue)"), .status)]
        return SummaryItem(marker: step.status.glyph, runs)
    }

    /// The citizen's words quoted; anyone else's plain, with who wrote them.
    func words(_ words: Words) -> [SummaryRun] {
        let text = SummaryText.clean(words.text, keepNewlines: true)
        switch words.author {
        case .citizen: return [SummaryRun(strings("summary.quoted", ["text": text]), .own)]
        case .coach: return [SummaryRun(text), SummaryRun(" (" + strings("summary.byCoach") + ")", .note)]
        case .peer: return [SummaryRun(text), SummaryRun(" (" + strings("summary.byPeer") + ")", .note)]
        }
    }

    /// The offers the participant holds a seat in or waits for, by their next date.
    var bookedOffers: SummarySection {
        let s = strings
        let id = participant.id
        let mine = offers.filter { offer in
            offer.booked.contains { $0.participantId == id } || offer.waiting.contains { $0.participantId == id }
        }
        let sorted = Offer.sortedInDateOrder(mine, from: today)
        var items: [SummaryItem] = []
        for offer in sorted {
            var runs = [SummaryRun(SummaryText.clean(offer.title), .strong)]
            let place = offer.place.lowercased() == "online" ? s("summary.online") : SummaryText.clean(offer.place)
            if !place.isEmpty { runs.append(SummaryRun(" · " + place)) }
            if let index = offer.waiting.firstIndex(where: { $0.participantId == id }) {
                runs += [SummaryRun(" · "), SummaryRun(s("summary.waiting", ["n": String(index + 1)]), .note)]
            }
            if offer.status == .cancelled { runs += [SummaryRun(" · "), SummaryRun(s("summary.cancelled"), .note)] }
            var children: [SummaryItem] = []
            let upcoming = offer.sessions.filter { $0.day >= today }.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
            for run in SessionRun.runs(upcoming) {
                children.append(SummaryItem(marker: "•", [SummaryRun(sessionLine(run))]))
            }
            let passed = offer.sessions.count - upcoming.count
            if passed > 0 { children.append(SummaryItem([SummaryRun(s("summary.passedDates", ["n": String(passed)]), .note)])) }
            if offer.sessions.isEmpty { children.append(SummaryItem([SummaryRun(s("summary.noDates"), .note)])) }
            let leaders = offer.facilitators.map { SummaryText.clean($0.name) }.filter { !$0.isEmpty }
            if !leaders.isEmpty {
                children.append(SummaryItem([SummaryRun(s("summary.with", ["names": leaders.joined(separator: ", ")]))]))
            }
            if let internship = offer.internship { children += internshipItems(internship) }
            items.append(SummaryItem(runs, children: children))
        }
        if items.isEmpty { items.append(SummaryItem([SummaryRun(s("summary.noOffers"), .note)])) }
        return SummarySection(id: "offers", heading: s("summary.offers"), items: items)
    }

    private func internshipItems(_ internship: Internship) -> [SummaryItem] {
        let s = strings
        var items: [SummaryItem] = []
        var parts: [String] = []
        if !internship.employer.isEmpty { parts.append(s("summary.workplace", ["employer": SummaryText.clean(internship.employer)])) }
        if let start = internship.start, let end = internship.end {
            parts.append(s.shortDate(start) + " – " + s.shortDate(end))
        }
        if let hours = internship.hoursPerWeek { parts.append(s("summary.hours", ["n": s.number(hours)])) }
        if !parts.isEmpty { items.append(SummaryItem([SummaryRun(parts.joined(separator: " · "))])) }
        let person = internship.contact
        let contact = [person.name, person.phone, person.email].map { SummaryText.clean($0) }.filter { !$0.isEmpty }
        if !contact.isEmpty {
            items.append(SummaryItem([SummaryRun(s("summary.workplaceContact", ["contact": contact.joined(separator: " · ")]))]))
        }
        return items
    }

    private func nextDay(_ offer: Offer) -> Day? { offer.sessions.map(\.day).filter { $0 >= today }.min() }

    func timeSpan(_ session: OfferSession) -> String {
        let start = SummaryText.clean(session.start)
        let end = SummaryText.clean(session.end)
        return strings("summary.time", ["time": end.isEmpty ? start : start + "–" + end])
    }

    /// Open mandatory conversations and the appointment agreed at the last session, by date.
    var appointments: SummarySection {
        let s = strings
        var dated: [(day: Day, time: String, item: SummaryItem)] = []
        for conversation in participant.conversations where conversation.isOpen {
            var runs = [
                SummaryRun(s.dayWithWeek(conversation.planned, year: true), .strong),
                SummaryRun(" · " + s("summary.conversation", ["n": String(conversation.number)])),
        ]
            if conversation.planned < today { runs += [SummaryRun(" · "), SummaryRun(s("summary.datePassed"), .note)] }
            dated.append((conversation.planned, "", SummaryItem(marker: "•", runs)))
        }
        if let next = lastEndedSession?.next, next.day >= today {
            var when = s.dayWithWeekday(next.day)
            let time = SummaryText.clean(next.time ?? "")
            if !time.isEmpty { when = s("summary.dateTime", ["date": when, "time": time]) }
            var runs = [SummaryRun(s.withWeek(when, of: next.day), .strong), SummaryRun(" · " + s("summary.meeting"))]
            let place = SummaryText.clean(next.place)
            if !place.isEmpty { runs.append(SummaryRun(" · " + place)) }
            let contact = SummaryText.clean(next.contact, keepNewlines: true)
            let children =
                contact.isEmpty ? [] : [SummaryItem([SummaryRun(s("summary.whoContacts") + ": ", .strong), SummaryRun(contact)])]
            dated.append((next.day, time, SummaryItem(marker: "•", runs, children: children)))
        }
        var items = dated.sorted { ($0.day, $0.time) < ($1.day, $1.time) }.map(\.item)
        if items.isEmpty { items.append(SummaryItem([SummaryRun(s("summary.noAppointments"), .note)])) }
        return SummarySection(id: "appointments", heading: s("summary.appointments"), items: items)
    }

    private var lastEndedSession: CoachingSession? { participant.sessions.last { !$0.isOpen } }

    var agreements: SummarySection {
        let s = strings
        var items: [SummaryItem] = []
        if let session = lastEndedSession, let agreed = session.agreements,
            !agreed.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            let held = Day(session.started.at, timeZone: timeZone)
            items.append(
                SummaryItem([
                    SummaryRun(
                        s(
                            "summary.agreedAt",
                            [
                                "session": s("session.kind.\(session.kind.rawValue)"),
                                "date": s.dayWithWeekday(held),
                            ]), .note)
                ]))
            items.append(SummaryItem(words(agreed)))
        } else {
            items.append(SummaryItem([SummaryRun(s("summary.noAgreements"), .note)]))
        }
        return SummarySection(id: "agreements", heading: s("summary.agreements"), items: items)
    }

    var progress: SummarySection {
        let s = strings
        let ratings = participant.ratings
        var items: [SummaryItem] = []
        if let last = ratings.last {
            items.append(
                SummaryItem([SummaryRun(s("summary.ratings", count: ratings.count, ["date": s.shortDate(last.day)]), .note)]))
            for indicator in indicators.indicators {
                let movement = Movement(indicator: indicator.id, ratings: ratings)
                if movement.latest == nil { continue }
                items.append(indicatorItem(indicator.text(in: s.language), movement))
            }
            // The coach's own rating stands apart, in the third person: it is not the citizen's.
            let belief = Movement(coachBeliefIn: ratings)
            if belief.latest != nil { items.append(indicatorItem(s("summary.coachRating"), belief)) }
        } else {
            items.append(SummaryItem([SummaryRun(s("summary.noRatings"), .note)]))
        }
        let steps = participant.plan.goals.filter { $0.dropped == nil }.flatMap(\.steps).filter { $0.status != .dropped }
        if !steps.isEmpty {
            items.append(
                SummaryItem([
                    SummaryRun(
                        s(
                            "summary.steps",
                            [
                                "n": String(steps.filter { $0.status == .done }.count),
                                "of": String(steps.count),
                                "doing": String(steps.filter { $0.status == .doing }.count),
                            ]))
                ]))
        }
        for milestone in participant.milestones.sorted(by: { $0.day < $1.day }) {
            let text = SummaryText.clean(milestone.text)
            let name = milestone.kind == .custom ? text : s("milestone.\(milestone.kind.rawValue)") + (text.isEmpty ? "" : ": " + text)
            items.append(SummaryItem(marker: "✓", [SummaryRun(s.shortDate(milestone.day) + " · "), SummaryRun(name, .strong)]))
        }
        return SummarySection(id: "progress", heading: s("summary.progress"), items: items)
    }

    /// The indicator's words, and below them the first and latest score as bars, the change
    /// as an arrow with a number (never colour alone) and a sparkline of every score.
    private func indicatorItem(_ title: String, _ movement: Movement) -> SummaryItem {
        let s = strings
        var line = ""
        if movement.all.count > 1, let first = movement.first {
            line += s("summary.first") + " " + SummaryText.bar(first) + " " + SummaryText.score(first) + "   "
        }
        if let latest = movement.latest {
            line += s("summary.now") + " " + SummaryText.bar(latest) + " " + SummaryText.score(latest)
        }
        if movement.all.count > 1, let delta = movement.sinceStart {
            line += "   " + (delta > 0 ? "▲ +\(delta)" : delta < 0 ? "▼ \(delta)" : "■ 0") + "   " + SummaryText.sparkline(movement.all)
        }
        var bars: [SummaryChart.Bar] = []
        if movement.all.count > 1, let first = movement.first { bars.append(.init(label: s("summary.first"), value: first)) }
        if movement.all.count > 2, let previous = movement.previous { bars.append(.init(label: s("summary.previous"), value: previous)) }
        if let latest = movement.latest { bars.append(.init(label: s("summary.now"), value: latest)) }
        return SummaryItem(
            [SummaryRun(SummaryText.clean(title), .strong)], children: [SummaryItem([SummaryRun(line, .mono)])],
            chart: SummaryChart(bars: bars))
    }
}

extension SummarySection {
    /// This section as a list of one, for `Summary.sectionOrder`.
    var asList: [SummarySection] { [self] }
}
