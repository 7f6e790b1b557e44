import Foundation

/// The demo caseload, catalogue and job board shipped in `Resources/demo/`, with dates relative to today.
public enum DemoData {
    /// The file that marks a data folder as holding demo data only.
    public static let markerName = ".stepwise-demo"

    /// Why demo data was not written.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The folder already holds records that are not demo data.
        case notDemo(String)
        /// The folder already holds the demo data.
        case alreadyThere(String)

        public var description: String {
            switch self {
            case .notDemo(let path): return "\(path) holds data that is not demo data; demo data is only written to an empty or new folder"
            case .alreadyThere(let path): return "\(path) already holds the demo data"
            }
        }
    }

    struct DemoParticipant: Decodable {
        var name: String
        var language: String
        var startOffsetDays: Int
        var conversationsHeld: Int?
        var aboutMe: [String: String]?
        var goals: [DemoGoal]?
        /// Where the citizen stood at the end, for a course that has ended.
        var outcome: DemoOutcome?
        /// The next conversation was due this many days ago and has not been held (so that the
        /// caseload always shows an overdue one, whatever the weekday).
        var overdueDays: Int?
    }

    struct DemoOutcome: Decodable {
        var kind: Outcome.Kind
        var hoursPerWeek: Int?
        var text: String
        /// Where a follow-along contact found the citizen 3 and 6 months after the end
        /// (recorded on the day it fell due, when that day has come).
        var after3Months: DemoLater?
        var after6Months: DemoLater?
    }

    struct DemoLater: Decodable {
        var kind: Outcome.Kind
        var hoursPerWeek: Int?

        /// The result as recorded on its due day after a course that ended `end`; nil before.
        func later(months: Int, end: Day, today: Day) -> Outcome.Later? {
            let due = Outcome.laterDue(end: end, months: months)
            return due <= today ? Outcome.Later(kind: kind, hoursPerWeek: hoursPerWeek, recorded: due) : nil
        }
    }

    struct DemoGoal: Decodable {
        var kind: GoalKind
        var text: String
        var steps: [DemoStep]
    }

    struct DemoStep: Decodable {
        var text: String
        var who: String
        var dueOffsetDays: Int?
        var status: Step.Status
    }

    struct DemoSession: Decodable {
        var offsetDays: Int
        var start: String
        var end: String
    }

    struct DemoOffer: Decodable {
        var title: String
        var kind: String
        var description: String
        var place: String
        var capacity: Int
        var language: String
        var sessions: [DemoSession]
        var bookedBy: [Int]?
        var waitingBy: [Int]?
        /// For an internship: what is the same for everyone placed there.
        var internship: DemoInternship?
        /// Each placed participant's own placement (kept in their record).
        var placements: [DemoPlacement]?
    }

    struct DemoInternship: Decodable {
        var employer: String
        var contactName: String
        var contactPhone: String
        var contactEmail: String
        var startOffsetDays: Int
        var endOffsetDays: Int
        var hoursPerWeek: Double?
        var tasks: String

        func internship(today: Day) -> Internship {
            Internship(
                employer: employer, contact: ContactPerson(name: contactName, phone: contactPhone, email: contactEmail),
                start: CourseFrame.workday(today.adding(days: startOffsetDays)),
                end: CourseFrame.workday(today.adding(days: endOffsetDays)), hoursPerWeek: hoursPerWeek, tasks: tasks)
        }
    }

    struct DemoPlacement: Decodable {
        /// Index into `participants.json`; the participant holds a seat in the offer.
        var participant: Int
        var startOffsetDays: Int
        var endOffsetDays: Int
        var hoursPerWeek: Double?
        var accommodations: Accommodations
        var followUps: [DemoFollowUp]

        func placement(today: Day) -> Placement {
            var placement = Placement(
                start: CourseFrame.workday(today.adding(days: startOffsetDays)),
                end: CourseFrame.workday(today.adding(days: endOffsetDays)), hoursPerWeek: hoursPerWeek,
                accommodations: accommodations)
            for meeting in followUps {
                placement.put(
                    FollowUpMeeting(
                        day: CourseFrame.workday(today.adding(days: meeting.offsetDays)), time: meeting.time,
                        withParticipant: true, withEmployer: meeting.withEmployer ?? true, others: meeting.others ?? "",
                        next: meeting.nextOffsetDays.map { CourseFrame.workday(today.adding(days: $0)) }),
                    at: nil, now: Date(timeIntervalSince1970: 0))
            }
            return placement
        }
    }

    struct DemoFollowUp: Decodable {
        var offsetDays: Int
        var time: String?
        var withEmployer: Bool?
        var others: String?
        var nextOffsetDays: Int?
    }

    /// A job on the demo job board (`jobs.json`); days count from today.
    struct DemoJob: Decodable {
        var title: String
        var employer: String
        var place: String
        var hours: String
        /// The last day to apply; none when the advert names none.
        var deadlineOffsetDays: Int?
        var howToApply: String
        var contact: String
        var language: String
        /// When the job was posted (days before today).
        var postedOffsetDays: Int
        /// True for a job already filled.
        var filled: Bool?

        func job(id: String, today: Day, by coach: String) -> BoardJob {
            var job = BoardJob(
                id: id, title: title, employer: employer, place: place, hours: hours,
                deadline: deadlineOffsetDays.map { today.adding(days: $0) }, howToApply: howToApply, contact: contact,
                language: language, posted: Stamp(by: coach, at: today.adding(days: postedOffsetDays).atHour(9)))
            if filled == true { job.status = .filled }
            return job
        }
    }

    /// Writes the demo participants, offers and job board into `store`, unless it holds other data.
    /// Returns the number of participants, offers and board jobs written.
    @discardableResult
    public static func create(
        in store: DataStore, resources: URL, today: Day, by identity: Identity,
        now: Date = Date()
    ) throws -> (participants: Int, offers: Int, jobs: Int) {
        let marker = store.root.appendingPathComponent(markerName)
        let hasRecords = !store.participantIDs().isEmpty || !store.offerIDs().isEmpty
        if hasRecords {
            throw FileManager.default.fileExists(atPath: marker.path)
                ? Refusal.alreadyThere(store.root.path) : Refusal.notDemo(store.root.path)
        }
        let decoder = JSONDecoder()
        let people = try decoder.decode(
            [DemoParticipant].self,
            from: Data(contentsOf: resources.appendingPathComponent("demo/participants.json")))
        let offers = try decoder.decode(
            [DemoOffer].self,
            from: Data(contentsOf: resources.appendingPathComponent("demo/offers.json")))
        let jobs = try decoder.decode([DemoJob].self, from: Data(contentsOf: resources.appendingPathComponent("demo/jobs.json")))
            .map { $0.job(id: RecordID.generate(prefix: "j"), today: today, by: identity.coach) }
        try store.prepare()
        try AtomicFile.write(Data("Stepwise demo data\n".utf8), to: marker)
        let stamp = Stamp(by: identity.coach, at: now)
        let indicators = (try? IndicatorSet.load(resources: resources))?.indicators.map(\.id) ?? []
        var ids: [String] = []
        for (seed, person) in people.enumerated() {
            let start = CourseFrame.monday(of: today.adding(days: person.startOffsetDays))
            var participant = Participant(
                id: RecordID.generate(prefix: "p"), name: person.name,
                language: person.language, courseStart: start, by: stamp)
            for index in participant.conversations.indices where index < (person.conversationsHeld ?? 0) {
                participant.conversations[index].status = .held
                participant.conversations[index].statusChanged = participant.conversations[index].planned
            }
            if let days = person.overdueDays, let next = participant.conversations.firstIndex(where: \.isOpen) {
                var due = today.adding(days: -days)
                while due.weekday >= 6 { due = due.adding(days: -1) }
                participant.conversations[next].planned = due
            }
            if let written = plan(of: person, start: start, today: today) {
                participant.plan = written.plan
                try store.appendHistory(written, participant: participant.id)
            }
            DemoHistory.live(&participant, seed: seed, indicators: indicators, coach: identity.coach, today: today)
            if let outcome = person.outcome, participant.courseEnd < today {
                let end = participant.courseEnd
                participant.outcome = Outcome(
                    kind: outcome.kind, hoursPerWeek: outcome.hoursPerWeek, text: outcome.text, day: end,
                    after3Months: outcome.after3Months?.later(months: 3, end: end, today: today),
                    after6Months: outcome.after6Months?.later(months: 6, end: end, today: today))
            }
            DemoJobSearch.live(&participant, coach: identity.coach, today: today)
            // An application for a job on the board is linked to it, so that the board counts it.
            for index in participant.jobSearch.applications.indices {
                let application = participant.jobSearch.applications[index]
                participant.jobSearch.applications[index].boardJobId =
                    jobs.first { $0.employer == application.employer && $0.title == application.jobTitle }?.id
            }
            try store.save(participant)
            ids.append(participant.id)
        }
        for demo in offers {
            var offer = Offer(
                id: RecordID.generate(prefix: "o"), title: demo.title, kind: demo.kind,
                description: demo.description,
                sessions: sessions(demo.sessions, today: today),
                place: demo.place, capacity: demo.capacity, language: demo.language)
            offer.booked = (demo.bookedBy ?? []).filter(ids.indices.contains).map { Seat(participantId: ids[$0], since: now) }
            offer.waiting = (demo.waitingBy ?? []).filter(ids.indices.contains).map { Seat(participantId: ids[$0], since: now) }
            offer.internship = demo.internship?.internship(today: today)
            DemoHistory.attend(&offer, today: today)
            try store.save(offer)
            for demoPlacement in demo.placements ?? [] where ids.indices.contains(demoPlacement.participant) {
                var participant = try store.loadParticipant(ids[demoPlacement.participant])
                participant.placements[offer.id] = demoPlacement.placement(today: today)
                try store.save(participant)
            }
        }
        let board = JobBoard(store: store, identity: identity)
        for job in jobs { try board.save(job) }
        return (ids.count, offers.count, jobs.count)
    }

    /// Sessions on workdays: one that falls on a weekend moves to the Monday after, unless
    /// that Monday already has the same session.
    private static func sessions(_ demo: [DemoSession], today: Day) -> [OfferSession] {
        var result: [OfferSession] = []
        for session in demo {
            let moved = OfferSession(
                day: CourseFrame.workday(today.adding(days: session.offsetDays)), start: session.start, end: session.end)
            if !result.contains(moved) { result.append(moved) }
        }
        return result
    }

    /// The demo plan in the citizen's own words, saved as if written at the first conversation.
    private static func plan(of person: DemoParticipant, start: Day, today: Day) -> PlanVersion? {
        guard person.aboutMe != nil || person.goals != nil else { return nil }
        let day = min(start, today)
        let written = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 12 * 3_600)
        let editor = PlanEditor(author: .citizen, name: person.name, now: written, today: day)
        var plan = Plan()
        for topic in AboutMe.allCases {
            if let text = person.aboutMe?[topic.rawValue] { _ = editor.setAbout(topic, text, in: &plan) }
        }
        for goal in person.goals ?? [] {
            _ = editor.addGoal(kind: goal.kind, text: goal.text, in: &plan)
            guard let goalID = plan.goals.last?.id else { continue }
            for step in goal.steps {
                let who: Doer = step.who == "coach" ? .coach : step.who == "peer" ? .peer : step.who == "me" ? .me : .other(step.who)
                _ = editor.addStep(
                    to: goalID, text: step.text, who: who, due: step.dueOffsetDays.map { CourseFrame.workday(today.adding(days: $0)) },
                    in: &plan)
                if let last = plan.goals.indices.last, let index = plan.goals[last].steps.indices.last {
                    plan.goals[last].steps[index].status = step.status
                }
            }
        }
        plan.version = 1
        return PlanVersion(
            version: 1, stamp: Stamp(by: person.name, at: written), author: .citizen,
            change: PlanChange(.addGoal, plan.goals.first?.text.text ?? ""), plan: plan)
    }
}
