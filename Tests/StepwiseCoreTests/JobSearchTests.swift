import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class JobSearchTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    private let coach = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))
    private let citizen = Stamp(by: "Søren", at: Date(timeIntervalSince1970: 1_795_000_100))

    /// A participant whose course starts on Monday 2026-10-05.
    private func participant() -> Participant {
        Participant(id: "p-abc123", name: "Søren", language: "da", courseStart: day("2026-10-05"), by: coach)
    }

    private func application(_ id: String, _ iso: String, method: ApplicationMethod = .advertised) -> JobApplication {
        JobApplication(id: id, employer: "Bageriet Ørsted", jobTitle: "Bagermedhjælper", day: day(iso), method: method, stamp: coach)
    }

    func testAnAgreementChangedAfterApprovalNeedsApprovalAgainAndZeroIsValid() {
        var p = participant()
        p.writeJobSearchAgreement(
            titles: "Lager, bageri", travel: "45 min med bus", hours: "15 timer", channels: "Jobnet",
            methods: [.advertised, .walkIn], perWeek: 0, stamp: coach)
        XCTAssertEqual(p.jobSearch.agreement?.perWeek, 0)
        XCTAssertEqual(p.jobSearch.agreement?.isApproved, false)
        p.approveJobSearchAgreement(on: day("2026-10-07"), stamp: citizen)
        XCTAssertEqual(p.jobSearch.agreement?.isApproved, true)
        XCTAssertEqual(p.jobSearch.agreement?.approvals.first?.stamp.by, "Søren")
        p.approveJobSearchAgreement(on: day("2026-10-08"), stamp: citizen)
        XCTAssertEqual(p.jobSearch.agreement?.approvals.count, 1, "approving an approved agreement adds nothing")
        p.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [], perWeek: 2, stamp: coach)
        XCTAssertEqual(p.jobSearch.agreement?.version, 2)
        XCTAssertEqual(p.jobSearch.agreement?.isApproved, false)
        XCTAssertEqual(p.jobSearch.agreement?.approvals.count, 1, "earlier approvals are kept")
    }

    func testStatusMovesOnWithADatedHistoryAndRefusesSkipsBack() throws {
        var p = participant()
        p.addApplication(application("a-1", "2026-10-06"))
        try p.addInterview(Interview(id: "i-1", day: day("2026-10-12"), time: "10:00", place: "Vesterbrogade 3"), to: "a-1", stamp: coach)
        try p.moveApplication("a-1", to: .offer, on: day("2026-10-15"), stamp: coach)
        let history = try XCTUnwrap(p.jobSearch.application("a-1")).history
        XCTAssertEqual(history.map(\.status), [.sent, .interview, .offer])
        XCTAssertEqual(history.map(\.day), [day("2026-10-06"), day("2026-10-12"), day("2026-10-15")])
        XCTAssertThrowsError(try p.moveApplication("a-1", to: .interview, on: day("2026-10-16"), stamp: coach)) {
            XCTAssertEqual($0 as? JobSearchError, .statusNotAllowed(from: .offer, to: .interview))
        }
        p.addApplication(application("a-2", "2026-10-06"))
        try p.moveApplication("a-2", to: .noAnswer, on: day("2026-10-30"), stamp: coach)
        XCTAssertThrowsError(try p.moveApplication("a-2", to: .offer, on: day("2026-10-31"), stamp: coach))
        XCTAssertThrowsError(try p.moveApplication("a-9", to: .offer, on: day("2026-10-31"), stamp: coach)) {
            XCTAssertEqual($0 as? JobSearchError, .notFound("a-9"))
        }
    }

    func testEmployerFeedbackIsOnlyKeptWhenTheCitizenAgreedToAsk() throws {
        var p = participant()
        p.addApplication(application("a-1", "2026-10-06"))
        try p.addInterview(Interview(id: "i-1", day: day("2026-10-12"), time: nil, place: ""), to: "a-1", stamp: coach)
        let went = Words("Nervøs, men de var søde", author: .citizen, by: "Søren", at: citizen.at)
        let feedback = Words("Gode svar; mangler truckcertifikat", author: .coach, by: "Anna", at: coach.at)
        XCTAssertThrowsError(try p.recordInterview("i-1", of: "a-1", howItWent: went, feedbackAgreed: false, feedback: feedback)) {
            XCTAssertEqual($0 as? JobSearchError, .feedbackNotAgreed)
        }
        XCTAssertNil(p.jobSearch.applications[0].interviews[0].feedback)
        try p.recordInterview("i-1", of: "a-1", howItWent: went, feedbackAgreed: true, feedback: feedback)
        XCTAssertEqual(p.jobSearch.applications[0].interviews[0].feedback, feedback)
        XCTAssertEqual(p.jobSearch.applications[0].interviews[0].howItWent?.author, .citizen)
    }

    func testGlanceCountsTheMondayToSundayWeekAgainstTheAgreement() {
        var p = participant()
        p.writeJobSearchAgreement(titles: "", travel: "", hours: "", channels: "", methods: [], perWeek: 3, stamp: coach)
        // Sunday 2026-10-11 closes the first week; Monday 2026-10-19 opens the third.
        for (id, iso) in [("a-1", "2026-10-11"), ("a-2", "2026-10-12"), ("a-3", "2026-10-18"), ("a-4", "2026-10-19")] {
            p.addApplication(application(id, iso))
        }
        let glance = p.jobSearchGlance(today: day("2026-10-14"))
        XCTAssertEqual(glance.thisWeek, 2, "Monday 12 and Sunday 18 are in the week of Wednesday 14")
        XCTAssertEqual(glance.agreedPerWeek, 3)
        XCTAssertEqual(glance.weeksSinceLastContact, 0)
        XCTAssertEqual(p.jobSearchGlance(today: day("2026-10-18")).thisWeek, 2)
        XCTAssertEqual(p.jobSearchGlance(today: day("2026-10-19")).thisWeek, 1)
    }

    func testWeeksSinceLastContactFirstContactWithin30DaysAndInterviewsSoFar() throws {
        var p = participant()
        XCTAssertEqual(
            p.jobSearchGlance(today: day("2026-11-30")),
            JobSearchGlance(JobSearch(), today: day("2026-11-30"), courseStart: day("2026-10-05")))
        let empty = p.jobSearchGlance(today: day("2026-11-30"))
        XCTAssertNil(empty.weeksSinceLastContact)
        XCTAssertNil(empty.firstContact)
        XCTAssertNil(empty.firstContactWithin30Days)
        XCTAssertNil(empty.agreedPerWeek)

        p.addApplication(application("a-1", "2026-11-04"))  // 30 days after the start
        p.addApplication(application("a-2", "2026-12-20"))  // after "today": not a contact yet
        try p.addInterview(Interview(id: "i-1", day: day("2026-11-10"), time: nil, place: ""), to: "a-1", stamp: coach)
        try p.addInterview(Interview(id: "i-2", day: day("2026-12-22"), time: nil, place: ""), to: "a-2", stamp: coach)
        let glance = p.jobSearchGlance(today: day("2026-12-08"))
        XCTAssertEqual(glance.weeksSinceLastContact, 4, "34 days are 4 whole weeks")
        XCTAssertEqual(glance.firstContact, day("2026-11-04"))
        XCTAssertEqual(glance.firstContactWithin30Days, true)
        XCTAssertEqual(glance.interviewsSoFar, 1, "the interview on 22 December is still to come")

        var late = participant()
        late.addApplication(application("a-1", "2026-11-05"))  // 31 days after the start
        XCTAssertEqual(late.jobSearchGlance(today: day("2026-11-05")).firstContactWithin30Days, false)
    }

    func testAFileWithoutAJobSearchReadsAsEmptyAndAJobSearchRoundTrips() throws {
        try temp.store.prepare()
        var p = participant()
        try temp.store.save(p)
        let url = temp.url.appendingPathComponent("participants/p-abc123.json")
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object.removeValue(forKey: "jobSearch")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        XCTAssertEqual(try temp.store.loadParticipant("p-abc123").jobSearch, JobSearch())

        p.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [.agency], perWeek: 1, stamp: coach)
        var withLinks = application("a-1", "2026-10-06", method: .walkIn)
        withLinks.stepId = "s-1"
        withLinks.boardJobId = "j-1"
        withLinks.nextStep = "Ringe tirsdag"
        withLinks.nextStepDay = day("2026-10-13")
        p.addApplication(withLinks)
        try p.addInterview(Interview(id: "i-1", day: day("2026-10-12"), time: "09:30", place: "Lageret"), to: "a-1", stamp: coach)
        try temp.store.save(p)
        XCTAssertEqual(try temp.store.loadParticipant("p-abc123"), p)
    }

    func testFilesWithBadJobSearchIdsOrUnagreedFeedbackAreRefusedNamingTheField() throws {
        try temp.store.prepare()
        var p = participant()
        p.addApplication(application("a-1", "2026-10-06"))
        p.jobSearch.applications[0].boardJobId = "../jobs/x"
        try temp.store.save(p)
        XCTAssertThrowsError(try temp.store.loadParticipant("p-abc123")) {
            XCTAssertEqual(($0 as? RecordProblem)?.field, "jobSearch.applications[0].boardJobId")
        }
        p.jobSearch.applications[0].boardJobId = nil
        p.jobSearch.applications[0].interviews = [
            Interview(
                id: "i-1", day: day("2026-10-12"), time: nil, place: "",
                feedback: Words("x", author: .coach, by: "Anna", at: coach.at))
        ]
        try temp.store.save(p)
        XCTAssertThrowsError(try temp.store.loadParticipant("p-abc123")) {
            XCTAssertEqual(($0 as? RecordProblem)?.field, "jobSearch.applications[0].interviews[0].feedback")
        }
    }

    /// The written record matches the published schema (python `jsonschema`), and the schema
    /// refuses what the program refuses: an unknown method, a negative agreement, unagreed feedback.
    func testTheWrittenJobSearchMatchesTheSchemaWhichRefusesBadValues() throws {
        try temp.store.prepare()
        var p = participant()
        p.writeJobSearchAgreement(
            titles: "Lager", travel: "", hours: "", channels: "", methods: [.agency, .network], perWeek: 0, stamp: coach)
        p.approveJobSearchAgreement(on: day("2026-10-07"), stamp: citizen)
        p.addApplication(application("a-1", "2026-10-06"))
        try p.addInterview(Interview(id: "i-1", day: day("2026-10-12"), time: "09:30", place: "Lageret"), to: "a-1", stamp: coach)
        try p.recordInterview(
            "i-1", of: "a-1", howItWent: Words("Godt", author: .citizen, by: "Søren", at: citizen.at),
            feedbackAgreed: true, feedback: Words("Flot", author: .coach, by: "Anna", at: coach.at))
        try p.moveApplication("a-1", to: .rejected, on: day("2026-10-20"), stamp: coach)
        try temp.store.save(p)
        let file = temp.url.appendingPathComponent("participants/p-abc123.json").path
        let script = #"""
            import json, sys, copy
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            v = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            record = json.load(open(sys.argv[2]))
            errors = [e.message for e in v.iter_errors(record)]
            assert record["jobSearch"]["applications"][0]["interviews"][0]["feedback"]["text"] == "Flot"
            bad = []
            r = copy.deepcopy(record); r["jobSearch"]["applications"][0]["method"] = "fax"; bad.append(r)
            r = copy.deepcopy(record); r["jobSearch"]["agreement"]["perWeek"] = -1; bad.append(r)
            r = copy.deepcopy(record); r["jobSearch"]["applications"][0]["interviews"][0]["feedbackAgreed"] = False; bad.append(r)
            r = copy.deepcopy(record); r["jobSearch"]["applications"][0]["history"] = []; bad.append(r)
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

    /// The citizen's copy of their data (`stepwise export`) holds the agreement, the applications,
    /// the interviews and the employer's feedback, in the JSON and in the plain text.
    func testTheCitizensExportHoldsTheJobSearch() throws {
        try temp.store.prepare()
        var p = participant()
        p.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [.walkIn], perWeek: 2, stamp: coach)
        p.addApplication(application("a-1", "2026-10-06"))
        try p.addInterview(Interview(id: "i-1", day: day("2026-10-12"), time: "09:30", place: "Lageret"), to: "a-1", stamp: coach)
        try p.recordInterview(
            "i-1", of: "a-1", howItWent: Words("Det gik fint", author: .citizen, by: "Søren", at: citizen.at),
            feedbackAgreed: true, feedback: Words("Kom igen i foråret", author: .coach, by: "Anna", at: coach.at))
        try temp.store.save(p)
        let export = try CitizenExport.collect(temp.store.loadParticipant("p-abc123"), from: temp.store, by: anna, at: coach.at)
        XCTAssertEqual(export.participant.jobSearch, p.jobSearch)
        let json = String(decoding: try export.json(), as: UTF8.self)
        let text = try export.text(try Localizer.load(language: "en", resources: resourcesURL), indicators: try IndicatorSet.load(resources: resourcesURL))
        for expected in ["Bageriet Ørsted", "Bagermedhjælper", "Det gik fint", "Kom igen i foråret"] {
            XCTAssertNotNil(json.range(of: expected), "the JSON has \(expected)")
            XCTAssertNotNil(text.range(of: expected), "the text has \(expected)")
        }
        // The way of applying: a code in the JSON, the screens' words in the text.
        XCTAssertNotNil(json.range(of: "walkIn"))
        XCTAssertNotNil(text.range(of: "walk-in"), text)
    }
}
