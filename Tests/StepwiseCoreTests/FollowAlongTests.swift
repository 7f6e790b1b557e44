import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Follow-along support after a job starts, the caseload's job-search signal, and the job
/// search in the summary, the calendar (read by python icalendar) and the schema.
final class FollowAlongTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    private let coach = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))

    private func participant() -> Participant {
        Participant(id: "p-abc123", name: "Søren", language: "da", courseStart: day("2026-10-05"), by: coach)
    }

    private func contact(_ id: String, _ iso: String, next: String? = nil) -> FollowAlongContact {
        FollowAlongContact(
            id: id, day: day(iso), with: "Søren og Lise", said: Words("Det går godt", author: .citizen, by: "Søren", at: coach.at),
            next: next.map(day))
    }

    func testTheNextContactIsWeeklyInTheFirstWeeksThenEveryFewWeeksUnlessAgreedOtherwise() {
        // Started Monday 2 November 2026: weekly for 4 weeks, then every 4 weeks.
        var support = FollowAlong(reason: .job, start: day("2026-11-02"), what: "Bageriet", written: coach)
        XCTAssertEqual(support.nextDue, day("2026-11-09"), "the first contact a week after the start")
        support.contacts.append(contact("f-1", "2026-11-10"))
        XCTAssertEqual(support.nextDue, day("2026-11-17"), "weekly while the first 4 weeks last")
        support.contacts.append(contact("f-2", "2026-11-30"))
        XCTAssertEqual(support.nextDue, day("2026-12-28"), "after 4 weeks (28 days), every 4 weeks")
        support.contacts.append(contact("f-3", "2026-12-20", next: "2027-01-05"))
        XCTAssertEqual(support.nextDue, day("2027-01-05"), "a next day agreed at the latest contact wins")
        support.until = day("2027-01-01")
        XCTAssertNil(support.nextDue, "nothing is due after the agreed end")
        let none = FollowAlong(reason: .transition, start: day("2026-11-02"), what: "", weeklyWeeks: 0, thenEveryWeeks: 2, written: coach)
        XCTAssertEqual(none.nextDue, day("2026-11-16"), "no weekly weeks: every 2 weeks from the start")
    }

    func testTheOutcomeOrAMilestoneSaysAJobOrEducationStarted() {
        var p = participant()
        XCTAssertNil(p.startedJobOrEducation)
        p.milestones.append(Milestone(kind: .jobOrEducationStarted, text: "Bageriet", day: day("2026-11-02")))
        XCTAssertEqual(p.startedJobOrEducation?.day, day("2026-11-02"))
        XCTAssertEqual(p.startedJobOrEducation?.reason, .job)
        p.outcome = Outcome(kind: .education, hoursPerWeek: nil, text: "SOSU", day: day("2027-01-04"))
        XCTAssertEqual(p.startedJobOrEducation?.reason, .education)
        XCTAssertEqual(p.startedJobOrEducation?.text, "SOSU")
        p.outcome = Outcome(kind: .noChange, hoursPerWeek: nil, text: "", day: day("2027-01-04"))
        XCTAssertEqual(p.startedJobOrEducation?.reason, .job, "no job in the outcome: the milestone still says one started")
    }

    func testTheSignalNamesFollowAlongFirstThenWeeksWithoutContactUnderAnAgreementThatAsksForContacts() {
        let today = day("2026-11-30")
        func signal(last: String? = nil, due: String? = nil, agreed: Bool = true) -> JobSearchSignal? {
            JobSearchSignal(lastContact: last.map(day), followAlongDue: due.map(day), contactsAgreed: agreed, today: today)
        }
        XCTAssertEqual(signal(last: "2026-10-20"), .noContact(weeks: 5))
        XCTAssertNil(signal(last: "2026-11-20"), "one week without a contact is not worth a signal")
        XCTAssertEqual(signal(last: "2026-11-16"), .noContact(weeks: 2))
        XCTAssertEqual(signal(), .noContactYet)
        XCTAssertNil(signal(last: "2026-10-20", agreed: false), "an agreement of 0 contacts a week gets no contact signal")
        XCTAssertEqual(signal(last: "2026-10-20", due: "2026-11-27"), .followAlongOverdue(day("2026-11-27")))
        XCTAssertEqual(signal(due: "2026-12-04"), .followAlongDue(day("2026-12-04")))
        XCTAssertNil(signal(due: "2026-12-20"), "a contact weeks away is not a signal")
    }

    /// The caseload index keeps what the signal needs, so the caseload shows it without reading
    /// every record.
    func testTheCaseloadIndexKeepsTheSignalsFields() throws {
        try temp.store.prepare()
        var p = participant()
        p.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [], perWeek: 2, stamp: coach)
        p.addApplication(JobApplication(id: "a-1", employer: "Coop", jobTitle: "", day: day("2026-10-20"), method: .phone, stamp: coach))
        p.writeFollowAlong(reason: .job, start: day("2026-11-02"), what: "", weeklyWeeks: 4, thenEveryWeeks: 4, until: nil, stamp: coach)
        try temp.store.save(p)
        let index = CaseloadIndex(store: temp.store, racyWindow: 2, now: { Date().addingTimeInterval(60) })
        _ = index.load()
        let (rows, statistics) = index.load()
        XCTAssertEqual(statistics.parsed, 0, "the second load comes from the index")
        guard case .participant(let entry)? = rows.first else { return XCTFail("\(rows)") }
        XCTAssertEqual(entry.lastEmployerContact, day("2026-10-20"))
        XCTAssertEqual(entry.followAlongDue, day("2026-11-09"))
        XCTAssertTrue(entry.contactsAgreed)
        XCTAssertEqual(entry.jobSearchSignal(today: day("2026-11-30")), .followAlongOverdue(day("2026-11-09")))
    }

    func testFilesWithABadFollowAlongAreRefusedNamingTheField() throws {
        try temp.store.prepare()
        var p = participant()
        p.writeFollowAlong(reason: .job, start: day("2026-11-02"), what: "", weeklyWeeks: 4, thenEveryWeeks: 4, until: nil, stamp: coach)
        p.followAlong?.thenEveryWeeks = 0
        try temp.store.save(p)
        XCTAssertThrowsError(try temp.store.loadParticipant("p-abc123")) {
            XCTAssertEqual(($0 as? RecordProblem)?.field, "followAlong.thenEveryWeeks")
        }
        p.followAlong?.thenEveryWeeks = 4
        p.addFollowAlongContact(contact("../x", "2026-11-09"))
        try temp.store.save(p)
        XCTAssertThrowsError(try temp.store.loadParticipant("p-abc123")) {
            XCTAssertEqual(($0 as? RecordProblem)?.field, "followAlong.contacts[0].id")
        }
        p.followAlong?.contacts = [contact("f-1", "2026-11-09")]
        try temp.store.save(p)
        XCTAssertEqual(try temp.store.loadParticipant("p-abc123"), p, "a good follow-along round-trips")
    }

    /// A participant with an agreement, an interview with the citizen's words and the
    /// employer's feedback, an offer, and follow-along support with one contact.
    private func searching() throws -> Participant {
        var p = participant()
        p.writeJobSearchAgreement(
            titles: "Lager, bageri", travel: "45 min med bus", hours: "15 timer", channels: "Jobnet", methods: [.walkIn], perWeek: 3,
            stamp: coach)
        p.addApplication(JobApplication(id: "a-1", employer: "Coop Lager", jobTitle: "Lagermedarbejder", day: day("2026-10-20"), method: .advertised, stamp: coach))
        try p.addInterview(Interview(id: "i-1", day: day("2026-12-03"), time: "10:00", place: "Køge"), to: "a-1", stamp: coach)
        try p.recordInterview(
            "i-1", of: "a-1", howItWent: Words("Nervøs, men godt", author: .citizen, by: "Søren", at: coach.at), feedbackAgreed: true,
            feedback: Words("Valgte en med truckcertifikat", author: .coach, by: "Anna", at: coach.at))
        try p.moveApplication("a-1", to: .rejected, on: day("2026-12-04"), stamp: coach)
        p.addApplication(JobApplication(id: "a-2", employer: "Bageriet Ørsted", jobTitle: "", day: day("2026-11-09"), method: .walkIn, stamp: coach))
        try p.moveApplication("a-2", to: .offer, on: day("2026-11-16"), stamp: coach)
        p.writeFollowAlong(reason: .job, start: day("2026-11-23"), what: "Bageriet Ørsted", weeklyWeeks: 4, thenEveryWeeks: 4, until: nil, stamp: coach)
        p.addFollowAlongContact(contact("f-1", "2026-11-30"))
        return p
    }

    func testTheSummaryHasTheJobSearchAndFollowAlongInTheCitizensLanguage() throws {
        let p = try searching()
        let summary = try Summary.make(
            participant: p, offers: [], indicators: try IndicatorSet.load(resources: resourcesURL), resources: resourcesURL,
            today: day("2026-11-30"), coach: "Anna", timeZone: TimeZone(identifier: "UTC") ?? .current)
        let sections = summary.document.sections.map(\.id)
        XCTAssertEqual(Array(sections.drop { $0 != "jobSearch" }.prefix(2)), ["jobSearch", "followAlong"], "\(sections)")
        let text = summary.markdown()
        for expected in [
            "Min jobsøgning", "Søger:", "Lager, bageri", "Coop Lager – Lagermedarbejder", "ikke denne gang", "“Nervøs, men godt”",
            "Arbejdsgiverens tilbagemelding:", "Valgte en med truckcertifikat", "Bageriet Ørsted", "tilbud", "Opfølgning efter start",
            "hver uge de første 4 uger, derefter hver 4. uge", "Næste kontakt man. 7. dec. 2026", "“Det går godt”",
        ] {
            XCTAssertTrue(text.contains(expected), "the summary lacks \(expected):\n\(text)")
        }
    }

    func testTheCalendarHasTheInterviewAndTheNextFollowAlongContactAsIcalendarReadsThem() throws {
        try temp.store.prepare()
        let p = try searching()
        let calendar = CalendarExport(
            participant: p, offers: [], strings: try Localizer.load(language: "da", resources: resourcesURL),
            timeZone: TimeZone(identifier: "Europe/Copenhagen") ?? .current, now: coach.at, today: day("2026-11-30"), reminder: false)
        let file = temp.url.appendingPathComponent("plan.ics")
        try Data(calendar.ics().utf8).write(to: file)
        let events = try ICalendarParser.events(in: file)
        let interview = try XCTUnwrap(events.first { $0["uid"] == "p-abc123-interview-i-1@stepwise" }, "\(events)")
        XCTAssertEqual(interview["summary"], "Jobsamtale: Coop Lager")
        XCTAssertEqual(interview["start"], "2026-12-03T10:00:00+01:00")
        XCTAssertEqual(interview["location"], "Køge")
        XCTAssertEqual(interview["status"], "CONFIRMED")
        let follow = try XCTUnwrap(events.first { $0["uid"] == "p-abc123-followalong-2@stepwise" }, "\(events)")
        XCTAssertEqual(follow["start"], "2026-12-07", "a week after the last contact, as an all-day event")
        XCTAssertEqual(follow["summary"], "Opfølgning med min coach")
    }

    /// The written record with follow-along support matches the schema (python `jsonschema`),
    /// which refuses a bad reason and an interval of 0 weeks.
    func testTheWrittenFollowAlongMatchesTheSchemaWhichRefusesBadValues() throws {
        try temp.store.prepare()
        try temp.store.save(try searching())
        let file = temp.url.appendingPathComponent("participants/p-abc123.json").path
        let script = #"""
            import json, sys, copy
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            v = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            record = json.load(open(sys.argv[2]))
            errors = [e.message for e in v.iter_errors(record)]
            assert record["followAlong"]["contacts"][0]["said"]["text"] == "Det går godt"
            bad = []
            r = copy.deepcopy(record); r["followAlong"]["reason"] = "holiday"; bad.append(r)
            r = copy.deepcopy(record); r["followAlong"]["thenEveryWeeks"] = 0; bad.append(r)
            r = copy.deepcopy(record); r["followAlong"]["contacts"][0]["extra"] = 1; bad.append(r)
            accepted = [i for i, r in enumerate(bad) if v.is_valid(r)]
            print(json.dumps({"errors": errors, "accepted": accepted}))
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, resourcesURL.appendingPathComponent("schema/participant.schema.json").path, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: [Any]])
        XCTAssertEqual(result["errors"]?.count, 0, "\(result["errors"] ?? [])")
        XCTAssertEqual(result["accepted"]?.count, 0, "bad records the schema accepted: \(result["accepted"] ?? [])")
    }
}
