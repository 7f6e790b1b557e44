import Dispatch
import Foundation
import StepwiseCore

#if canImport(Glibc)
    import Glibc
    import StepwiseTestSupport
#endif

/// The synthetic organisation the benchmark runs on: `count` participants made with the real
/// model types and written with the real encoder, `count / 20` offers with bookings and
/// waitlists, and one participant with two years of notes, sessions, ratings and bookings
/// (about 1 MB) that the benchmark opens.
///
/// The mix: 75 % of participants are in or just past one course (a few notes), 20 % have a
/// year of history, 5 % up to two years. Everything is derived from the participant's number
/// (a seeded generator), so the same size always gives the same data.
struct Generator {
    /// Bumped whenever the data changes, so that old data sets are made again.
    static let version = 4
    /// The participant the benchmark opens: the largest record.
    static let largestName = "Henrietta Vestergaard-Lindqvist"
    static let targetLargestBytes = 1_000_000

    let count: Int
    let root: URL
    let today: Day
    let offerCount: Int
    let indicatorIDs: [String]

    init(count: Int, root: URL, today: Day, indicators: IndicatorSet) {
        self.count = count
        self.root = root
        self.today = today
        offerCount = max(50, count / 20)
        indicatorIDs = indicators.indicators.map(\.id)
    }

    /// What was made.
    struct Made: Codable {
        var generator: Int
        var participants: Int
        var offers: Int
        var largestId: String
        var largestName: String
        var largestBytes: Int
        var largestHistoryBytes: Int
        var totalBytes: Int
        var seconds: Double
        var day: String
    }

    func run() throws -> Made {
        let started = Clock.now()
        let store = DataStore(root: root)
        try store.prepare()
        let (offers, places) = makeOffers()
        let participantsDir = root.appendingPathComponent("participants").path
        let offersDir = root.appendingPathComponent("offers").path

        // An empty caseload index; each record written is recorded in it as a save records it
        // (`CaseloadIndex.recordSaved`), so that no start has to parse 100,000 files first.
        let index = CaseloadIndex(store: store)
        _ = index.load()

        // The largest record goes through DataStore.save and appendHistory, as the program writes.
        var largest = participant(0, places: places[0] ?? [])
        grow(&largest, places: places[0] ?? [])
        try store.save(largest)
        index.recordSaved(largest)
        let history = planHistory(of: largest)
        for version in history { try store.appendHistory(version, participant: largest.id) }

        // The rest directly, in parallel, with the bytes DataStore.save would write (no fsync).
        let failures = Counter()
        let written = Counter()
        let generator = self
        DispatchQueue.concurrentPerform(iterations: 64) { chunk in
            var bytes = 0
            for number in stride(from: 1 + chunk, to: generator.count, by: 64) {
                let record = generator.participant(number, places: places[number] ?? [])
                guard let data = try? RecordCodec.encode(record),
                    Generator.write(data, to: participantsDir + "/" + record.id + ".json")
                else {
                    failures.add(1)
                    continue
                }
                index.recordSaved(record)
                bytes += data.count
            }
            written.add(bytes)
        }
        DispatchQueue.concurrentPerform(iterations: 16) { chunk in
            for number in stride(from: chunk, to: offers.count, by: 16) {
                guard let data = try? RecordCodec.encode(offers[number]),
                    Generator.write(data, to: offersDir + "/" + offers[number].id + ".json")
                else {
                    failures.add(1)
                    continue
                }
                written.add(data.count)
            }
        }
        guard failures.value == 0 else { throw BenchError("\(failures.value) files could not be written in \(root.path)") }
        let largestBytes = try Data(contentsOf: store.participantFile(largest.id)).count
        let historyBytes = (try? Data(contentsOf: root.appendingPathComponent("history/\(largest.id).jsonl")).count) ?? 0
        return Made(
            generator: Generator.version, participants: count, offers: offers.count, largestId: largest.id,
            largestName: largest.name, largestBytes: largestBytes, largestHistoryBytes: historyBytes,
            totalBytes: written.value + largestBytes, seconds: Clock.now() - started, day: today.iso)
    }

    /// Writes a new 0600 file.
    static func write(_ data: Data, to path: String) -> Bool {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == data.count
    }

    // MARK: Ids and names

    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A valid, unique record id for a number (a bijection of 0..<31^8).
    static func id(_ prefix: String, _ number: Int) -> String {
        let space = 852_891_037_441  // 31^8
        var value = (number &* 387_420_489 &+ 12_345) % space
        var body = ""
        for _ in 0..<8 {
            body.append(alphabet[value % 31])
            value /= 31
        }
        return prefix + "-" + body
    }

    static let firstNames = [
        "Anna", "Søren", "Mette", "Lars", "Jürgen", "Åsa", "Bjørn", "Fatima", "Ahmed", "Zoë", "Emil", "Ida", "Karl", "Maria",
        "Olaf", "Li", "Mohammed", "Sara", "Jonas", "Freja", "Noah", "Ella", "Oscar", "Alma", "Mustafa", "Aisha", "Piotr",
        "Agnieszka", "Mehmet", "Elif", "Dragan", "Jelena", "Hans", "Grete", "Nils", "Ingrid", "Émile", "Chloé", "Tomás",
        "Lucía", "Ole", "Kirsten", "Sigrid", "Torben", "Henrik", "Birgitte", "Yusuf", "Leila", "Tariq", "Nour", "Ewa",
        "Jan", "Ayşe", "Oğuz", "Hanne", "Rasmus", "Signe", "Magnus", "Ebba", "Liam",
    ]
    static let lastNames = [
        "Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
        "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Ødegaard", "Berg", "Lund", "Holm", "Dahl", "Kowalski",
        "Nowak", "Yılmaz", "Kaya", "Demir", "Hussein", "Ali", "Khan", "Haddad", "Nguyen", "Wang", "García", "Martínez",
        "Lefèvre", "Dubois", "Østergaard", "Bæk", "Krogh", "Friis", "Vestergaard",
    ]

    func name(_ number: Int, _ random: inout SplitMix64) -> String {
        if number == 0 { return Generator.largestName }
        let first = Generator.firstNames[random.below(Generator.firstNames.count)]
        let last = Generator.lastNames[random.below(Generator.lastNames.count)]
        return random.below(6) == 0
            ? "\(first) \(Generator.lastNames[random.below(Generator.lastNames.count)])-\(last)" : "\(first) \(last)"
    }

    // MARK: Text

    static let sentences = [
        "We talked about what a good week looks like and what got in the way this time.",
        "She has sent three applications since we last met and got one answer.",
        "He would like to try a trade where he can work with his hands, maybe as a carpenter's helper.",
        "The back pain is better; the GP has referred him to a physiotherapist twice a week.",
        "We agreed that I call the job centre about the internship before Friday.",
        "Talked about the CV: the gap after 2019 can be explained by the years caring for her mother.",
        "Jeg har været til samtale hos Netto og de ringer tilbage i næste uge.",
        "Det var svært at komme op om morgenen i denne uge, men jeg kom alligevel.",
        "Ich möchte gern wieder mit Menschen arbeiten, vielleicht im Einzelhandel.",
        "Jag vill gärna börja med några timmar i veckan och sedan öka.",
        "The peer group on Tuesday went well; he spoke for the first time about his time in the army.",
        "Money is tight this month, the housing benefit was late; we looked at the budget together.",
        "The internship at the garden centre starts on Monday, 12 hours a week to begin with.",
        "She wants to keep the Thursday mornings free for the Danish course.",
        "We looked at the rating from last time: network went up, belief in a job stayed the same.",
        "He is worried about the interview and would like to practise it with a peer first.",
        "Follow-up with the employer: tasks are fine, the start at 8 is too early, agreed 9 instead.",
        "Contact with the social worker about the next meeting; consent to share was confirmed.",
        "No-show today, called in the afternoon; he had forgotten, new time next Wednesday.",
        "Reflection: I am proud that I went to the company visit alone. Det gik godt.",
    ]

    func text(_ random: inout SplitMix64, sentences count: Int) -> String {
        (0..<max(1, count)).map { _ in Generator.sentences[random.below(Generator.sentences.count)] }.joined(separator: " ")
    }

    func moment(_ day: Day, hour: Int) -> Date { Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + Double(hour) * 3_600) }

    // MARK: Participants

    /// How much history a participant has: weeks, and activity per week.
    struct Profile {
        var weeks: Int
        var notesPerWeek: Double
        var sessionsPerWeek: Double
        var ratingEvery: Int
        var sentences: Int
        var goals: Int
    }

    func profile(_ random: inout SplitMix64) -> Profile {
        let draw = random.below(100)
        if draw < 75 {
            return Profile(
                weeks: random.below(27), notesPerWeek: 0.5, sessionsPerWeek: 0.3, ratingEvery: 4, sentences: 3, goals: 1 + random.below(3))
        }
        if draw < 95 {
            return Profile(
                weeks: 26 + random.below(27), notesPerWeek: 1, sessionsPerWeek: 0.5, ratingEvery: 2, sentences: 4,
                goals: 2 + random.below(3))
        }
        return Profile(
            weeks: 52 + random.below(53), notesPerWeek: 1.5, sessionsPerWeek: 0.8, ratingEvery: 1, sentences: 5, goals: 3 + random.below(3))
    }

    func participant(_ number: Int, places: [Place]) -> Participant {
        var random = SplitMix64(seed: UInt64(number) &* 0x9E37_79B9 &+ 17)
        var profile = profile(&random)
        if number == 0 { profile = Profile(weeks: 104, notesPerWeek: 3, sessionsPerWeek: 2, ratingEvery: 1, sentences: 9, goals: 8) }
        // Most are in a course now or recently; the history reaches back `weeks`.
        let start = CourseFrame.monday(of: today.adding(days: -7 * min(profile.weeks, 30) + random.below(60) - 30))
        let firstDay = today.adding(days: -7 * profile.weeks)
        let coach = ["Anna Holm", "Bo Friis", "Carla Dahl", "Dennis Krogh"][random.below(4)]
        let created = Stamp(by: coach, at: moment(firstDay, hour: 9))
        var p = Participant(
            id: Generator.id("p", number), name: name(number, &random),
            language: ["da", "en", "da", "sv", "de"][random.below(5)], courseStart: start, by: created)
        for index in p.conversations.indices where p.conversations[index].planned < today {
            p.conversations[index].status = random.below(10) == 0 ? .missed : .held
            p.conversations[index].statusChanged = p.conversations[index].planned
        }
        p.plan = plan(profile, firstDay: firstDay, name: p.name, coach: coach, &random)
        let weeks = max(1, profile.weeks)
        var sessionIDs: [String] = []
        let sessions = Int(Double(weeks) * profile.sessionsPerWeek)
        for index in 0..<sessions {
            let day = CourseFrame.workday(firstDay.adding(days: index * 7 * weeks / max(1, sessions)))
            var session = CoachingSession(
                id: Generator.id("x", number * 1_000 + index), kind: sessionKind(index, &random),
                present: [Presence(role: .citizen), Presence(role: .coach)],
                started: Stamp(by: coach, at: moment(day, hour: 10)))
            if random.below(8) == 0 { session.present.append(Presence(role: .employer, name: "Garden Centre Nord")) }
            session.ended = moment(day, hour: 11)
            session.agreements = Words(text(&random, sentences: 2), author: .citizen, by: p.name, at: moment(day, hour: 11))
            session.next = Appointment(
                day: CourseFrame.workday(day.adding(days: 14)), time: "10:00", place: "Jobcenter, room 2",
                contact: "I call Anna on Monday")
            p.sessions.append(session)
            sessionIDs.append(session.id)
        }
        let notes = Int(Double(weeks) * profile.notesPerWeek)
        for index in 0..<notes {
            let day = firstDay.adding(days: index * 7 * weeks / max(1, notes))
            let author: Author = random.below(4) == 0 ? .citizen : .coach
            let words = Words(
                text(&random, sentences: 1 + random.below(profile.sentences)), author: author,
                by: author == .citizen ? p.name : coach, at: moment(day, hour: 12))
            var note = ProgressNote(
                id: Generator.id("n", number * 10_000 + index), kind: author == .citizen ? .reflection : .note,
                sessionId: sessionIDs.isEmpty ? nil : sessionIDs[random.below(sessionIDs.count)],
                tags: [ProgressNote.standardTags[random.below(ProgressNote.standardTags.count)]], text: words)
            if random.below(4) == 0 {
                _ = note.edit(
                    Words(words.text + " " + text(&random, sentences: 1), author: author, by: words.by, at: moment(day, hour: 15)),
                    tags: note.tags)
            }
            p.notes.append(note)
        }
        for week in stride(from: 0, to: weeks, by: profile.ratingEvery) {
            let day = CourseFrame.workday(firstDay.adding(days: week * 7))
            var scores: [String: Int] = [:]
            for id in indicatorIDs { scores[id] = 1 + min(9, random.below(5) + week * 5 / weeks) }
            p.ratings.append(
                Rating(
                    day: day, sessionId: sessionIDs.isEmpty ? nil : sessionIDs[random.below(sessionIDs.count)],
                    scores: scores, coachBelief: 1 + random.below(10), stamp: Stamp(by: coach, at: moment(day, hour: 11))))
        }
        for place in places {
            let at = moment(firstDay.adding(days: random.below(7 * weeks + 1)), hour: 13)
            p.journal.append(
                JournalEntry(
                    kind: place.waiting ? .waitlisted : .booked, offerId: place.offerId, offerTitle: place.title,
                    stamp: Stamp(by: coach, at: at)))
        }
        p.journal.sort { $0.stamp.at < $1.stamp.at }
        if profile.weeks > 8 {
            p.milestones.append(Milestone(kind: .cvReady, text: "", day: firstDay.adding(days: 30)))
            if random.below(2) == 0 {
                p.milestones.append(Milestone(kind: .firstCompanyVisit, text: "Bakery", day: firstDay.adding(days: 50)))
            }
        }
        for index in 0..<random.below(3) {
            var contact = Contact(
                id: Generator.id("c", number * 10 + index), kind: [.gp, .socialServices, .employer][index],
                name: ["Dr. Lund", "Mia (social worker)", "Garden Centre Nord"][index], phone: "+45 12 34 56 7\(index)",
                email: "contact\(index)@example.org")
            contact.consent.append(ConsentChange(given: true, day: firstDay, stamp: created))
            p.contacts.append(contact)
        }
        if CourseFrame.end(start: start) < today, random.below(2) == 0 {
            p.outcome = Outcome(kind: .job, hoursPerWeek: 20, text: "Shop assistant", day: CourseFrame.end(start: start))
        }
        p.updated = Stamp(by: coach, at: moment(today.adding(days: -random.below(30)), hour: 16))
        return p
    }

    /// The largest record is made about 1 MB by adding notes.
    func grow(_ p: inout Participant, places: [Place]) {
        var random = SplitMix64(seed: 99)
        let size = (try? RecordCodec.encode(p).count) ?? 0
        guard size > 0, size < Generator.targetLargestBytes, !p.notes.isEmpty else { return }
        let perNote = max(1, size / (p.notes.count + p.sessions.count + p.ratings.count))
        var missing = (Generator.targetLargestBytes - size) / perNote
        var index = p.notes.count
        while missing > 0 {
            var note = p.notes[index % p.notes.count]
            note.id = Generator.id("n", 90_000_000 + index)
            note.versions[0].text = text(&random, sentences: 6)
            p.notes.append(note)
            index += 1
            missing -= 1
        }
        p.notes.sort { ($0.versions.first?.at ?? .distantPast) < ($1.versions.first?.at ?? .distantPast) }
    }

    func sessionKind(_ index: Int, _ random: inout SplitMix64) -> CoachingSession.Kind {
        switch index {
        case 0: return .conversation1
        case 6: return .conversation2
        case 12: return .conversation3
        default: return [.followUp, .followUp, .group, .internshipFollowUp][random.below(4)]
        }
    }

    func plan(_ profile: Profile, firstDay: Day, name: String, coach: String, _ random: inout SplitMix64) -> Plan {
        var plan = Plan()
        let at = moment(firstDay, hour: 10)
        for topic in AboutMe.allCases where random.below(4) != 0 {
            plan.aboutMe[topic.rawValue] = Words(text(&random, sentences: 2), author: .citizen, by: name, at: at)
        }
        for goalIndex in 0..<profile.goals {
            let byCoach = random.below(5) == 0
            var goal = Goal(
                id: Generator.id("g", random.below(1 << 30)), kind: GoalKind.allCases[random.below(GoalKind.allCases.count)],
                text: Words(text(&random, sentences: 1), author: byCoach ? .coach : .citizen, by: byCoach ? coach : name, at: at))
            if byCoach && random.below(2) == 0 { goal.accepted = Stamp(by: name, at: at) }
            for stepIndex in 0..<(2 + random.below(profile.goals > 5 ? 7 : 4)) {
                let status = Step.Status.allCases[random.below(Step.Status.allCases.count)]
                goal.steps.append(
                    Step(
                        id: Generator.id("s", random.below(1 << 30)),
                        text: Words(text(&random, sentences: 1), author: .citizen, by: name, at: at),
                        who: [.me, .coach, .peer, .other("Job centre")][random.below(4)],
                        due: firstDay.adding(days: 14 * (stepIndex + goalIndex + 1)), status: status, on: firstDay))
            }
            plan.goals.append(goal)
        }
        plan.version = 1 + random.below(profile.weeks + 1)
        for number in 0..<min(3, profile.weeks / 12) {
            plan.approvals.append(
                Approval(
                    day: firstDay.adding(days: 84 * number), version: max(1, plan.version - 3 + number),
                    conversation: number + 1, stamp: Stamp(by: name, at: at)))
        }
        return plan
    }

    /// Sixty saved versions of the largest participant's plan, growing to the current one.
    func planHistory(of p: Participant) -> [PlanVersion] {
        let total = 60
        return (1...total).map { version in
            var plan = p.plan
            plan.version = version
            let goals = max(1, p.plan.goals.count * version / total)
            plan.goals = Array(plan.goals.prefix(goals))
            let at = moment(today.adding(days: -7 * 104 + version * 12), hour: 14)
            return PlanVersion(
                version: version, stamp: Stamp(by: p.name, at: at), author: .citizen,
                change: PlanChange(.addStep, plan.goals.last?.text.text ?? ""), plan: plan)
        }
    }

    // MARK: Offers

    /// A seat or a place on a waitlist, from the participant's side.
    struct Place: Sendable {
        var offerId: String
        var title: String
        var waiting: Bool
    }
}
