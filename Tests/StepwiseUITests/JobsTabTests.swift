import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

final class JobsTabTests: XCTestCase {
    private static let coach = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000))

    /// Søren with an agreement of 3 contacts a week and three applications: one through an
    /// interview to "not this time" with the employer's feedback, one to an offer, one sent
    /// this week (the fixtures' today is Sunday 22 November 2026).
    static func searching() throws -> Participant {
        var p = Fixtures.soren
        let day = { (iso: String) in Day(iso: iso) ?? Fixtures.today }
        p.writeJobSearchAgreement(
            titles: "Lager, bageri, køkkenmedhjælper", travel: "45 minutter med bus",
            hours: "15-20 timer, formiddage", channels: "Jobnet, Jobindex",
            methods: [.advertised, .walkIn, .network], perWeek: 3, stamp: coach)
        p.approveJobSearchAgreement(on: day("2026-10-19"), stamp: Stamp(by: p.name, at: coach.at))
        p.addApplication(
            JobApplication(
                id: "a-lager", employer: "Coop Lager Køge", jobTitle: "Lagermedarbejder",
                day: day("2026-10-26"), method: .advertised, stamp: coach))
        try p.addInterview(Interview(id: "i-lager", day: day("2026-11-03"), time: "10:00", place: "Køge"), to: "a-lager", stamp: coach)
        try p.recordInterview(
            "i-lager", of: "a-lager",
            howItWent: Words("Nervøs i starten, men jeg fik fortalt om bageriet", author: .citizen, by: p.name, at: coach.at),
            feedbackAgreed: true,
            feedback: Words("Gode svar; valgte en med truckcertifikat", author: .coach, by: "Anna", at: coach.at))
        try p.moveApplication("a-lager", to: .rejected, on: day("2026-11-06"), stamp: coach)
        p.addApplication(
            JobApplication(
                id: "a-bager", employer: "Bageriet Ørsted", jobTitle: "Bagermedhjælper",
                day: day("2026-11-09"), method: .walkIn, stamp: coach))
        try p.addInterview(
            Interview(id: "i-bager", day: day("2026-11-12"), time: "08:30", place: "Ørstedsgade 4"), to: "a-bager", stamp: coach)
        try p.moveApplication("a-bager", to: .offer, on: day("2026-11-16"), stamp: coach)
        var kitchen = JobApplication(
            id: "a-kantine", employer: "Kantinen på Rådhuset", jobTitle: "", day: day("2026-11-18"),
            method: .network, stamp: coach)
        kitchen.nextStep = "Ringe til Lise"
        kitchen.nextStepDay = day("2026-11-25")
        p.addApplication(kitchen)
        return p
    }

    func testJobsTabAt80x24InEnglishAndDanish() throws {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: try Self.searching(), heldBy: nil)
        state.open?.tab = .jobs
        expectSnapshot(Renderer.render(state, env: Fixtures.env("en")).text, named: "jobs-tab")
        expectSnapshot(Renderer.render(state, env: Fixtures.env("da")).text, named: "jobs-tab-da")
    }

    func testAApprovesTheAgreementInTheCitizensNameAndSavesIt() throws {
        var p = try Self.searching()
        p.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [], perWeek: 0, stamp: Self.coach)
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: p, heldBy: nil)
        _ = Update.handle(.char("6"), state: &state, env: Fixtures.env())
        XCTAssertEqual(state.context, .jobs)
        XCTAssertEqual(state.open?.participant.jobSearch.agreement?.isApproved, false)
        let effects = Update.handle(.char("A"), state: &state, env: Fixtures.env())
        let agreement = try XCTUnwrap(state.open?.participant.jobSearch.agreement)
        XCTAssertTrue(agreement.isApproved)
        XCTAssertEqual(agreement.approvals.last?.stamp.by, p.name)
        XCTAssertEqual(agreement.approvals.last?.day, Fixtures.today)
        XCTAssertEqual(agreement.approvals.last?.version, 2)
        guard case .saveParticipant(let saved, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(saved.jobSearch.agreement, agreement)
    }

    private func press(_ keys: Key..., on state: inout AppState, _ language: String = "en") -> [Effect] {
        keys.flatMap { Update.handle($0, state: &state, env: Fixtures.env(language)) }
    }

    private func type(_ text: String, on state: inout AppState, _ language: String = "en") {
        for character in text { _ = Update.handle(.char(character), state: &state, env: Fixtures.env(language)) }
    }

    /// Søren's jobs tab, open at 80x24.
    private func jobsTab(_ p: Participant) -> AppState {
        var state = Fixtures.state()
        state.open = OpenParticipant(participant: p, heldBy: nil)
        state.open?.tab = .jobs
        return state
    }

    /// The forms of the jobs tab at 80x24, in English and Danish: the agreement (e on the
    /// agreement), an interview with how it went and the employer's feedback (e on an
    /// interview), and follow-along support offered after a job started (F).
    func testTheJobsTabsFormsAt80x24InEnglishAndDanish() throws {
        var p = try Self.searching()
        p.outcome = Outcome(kind: .job, hoursPerWeek: 15, text: "Bageriet Ørsted, formiddage", day: Fixtures.today)
        for language in ["en", "da"] {
            let suffix = language == "en" ? "" : "-da"
            var state = jobsTab(p)
            expectSnapshot(Renderer.render(state, env: Fixtures.env(language)).text, named: "jobs-tab-follow-offer" + suffix)
            _ = press(.char("e"), on: &state, language)
            XCTAssertEqual(state.form?.purpose, .jobAgreement)
            expectSnapshot(Renderer.render(state, env: Fixtures.env(language)).text, named: "jobs-form-agreement" + suffix)
            state = jobsTab(p)
            let rows = JobsView.layout(try XCTUnwrap(state.open), state: state, env: Fixtures.env(language)).rows
            state.open?.jobsSelection = try XCTUnwrap(rows.firstIndex(of: .interview(application: "a-lager", interview: "i-lager")))
            _ = press(.char("e"), on: &state, language)
            XCTAssertEqual(state.form?.purpose, .interview(application: "a-lager", interview: "i-lager"))
            expectSnapshot(Renderer.render(state, env: Fixtures.env(language)).text, named: "jobs-form-interview" + suffix)
            state = jobsTab(p)
            _ = press(.char("F"), on: &state, language)
            XCTAssertEqual(state.form?.purpose, .followAlong)
            expectSnapshot(Renderer.render(state, env: Fixtures.env(language)).text, named: "jobs-form-follow-along" + suffix)
        }
    }

    /// An application added with `a`, moved on with `t` and given an interview with `v`, each
    /// saved with an audit entry that names the action (and never its words); a closed
    /// application says nothing follows.
    func testAddingAnApplicationMovingItOnAndAnInterviewAreSavedAndAudited() throws {
        var state = jobsTab(try Self.searching())
        _ = press(.char("a"), on: &state)
        XCTAssertEqual(state.form?.purpose, .application(nil))
        type("Netto", on: &state)
        var effects = press(.enter, on: &state)
        XCTAssertNil(state.form)
        let added = try XCTUnwrap(state.open?.participant.jobSearch.applications.last)
        XCTAssertEqual([added.employer, added.jobTitle], ["Netto", ""])
        XCTAssertEqual(added.day, Fixtures.today, "the suggested date is today")
        XCTAssertEqual(effects.last, .audit(.application, participant: "p-soren"))
        guard case .saveParticipant(let saved, _)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(saved.jobSearch.applications.last, added)

        let rows = JobsView.layout(try XCTUnwrap(state.open), state: state, env: Fixtures.env()).rows
        state.open?.jobsSelection = try XCTUnwrap(rows.firstIndex(of: .application(added.id)))
        _ = press(.char("v"), on: &state)
        XCTAssertEqual(state.form?.purpose, .interview(application: added.id, interview: nil))
        _ = press(.tab, on: &state)
        type("25:00", on: &state)
        _ = press(.tab, .tab, .tab, .tab, on: &state)
        type("Feedback not agreed", on: &state)
        effects = press(.enter, on: &state)
        XCTAssertEqual(effects, [], "a bad time and feedback without agreement are refused")
        XCTAssertNotNil(state.form?.fields.first { $0.name == "time" }?.error)
        XCTAssertNotNil(state.form?.fields.first { $0.name == "feedback" }?.error)
        // Something was typed: the first Esc asks, the second leaves.
        _ = press(.escape, on: &state)
        XCTAssertNotNil(state.form)
        _ = press(.escape, on: &state)
        XCTAssertNil(state.form)

        _ = press(.char("t"), on: &state)
        XCTAssertEqual(state.form?.fields.first?.choices, ["interview", "offer", "rejected", "noAnswer", "withdrawn"])
        _ = press(.right, .right, .right, on: &state)
        effects = press(.enter, on: &state)
        XCTAssertEqual(state.open?.participant.jobSearch.application(added.id)?.status, .noAnswer)
        XCTAssertEqual(effects.last, .audit(.applicationStatus, participant: "p-soren"))
        _ = press(.char("t"), on: &state)
        XCTAssertNil(state.form)
        XCTAssertEqual(state.message?.text, "Nothing follows “no answer”.")
    }

    /// A follow-along contact that is overdue shows on the caseload: a mark at the end of the
    /// name column (no column is cut at 80 columns) and the words on the status line; weeks
    /// without an employer contact are counted with the right plural.
    func testTheCaseloadShowsOneJobSearchSignalPerParticipantAt80Columns() throws {
        var state = Fixtures.state()
        var soren = Fixtures.soren
        soren.writeFollowAlong(reason: .job, start: Day(iso: "2026-11-02") ?? Fixtures.today, what: "", weeklyWeeks: 4, thenEveryWeeks: 4, until: nil, stamp: Self.coach)
        var jurgen = Fixtures.people[2]
        jurgen.writeJobSearchAgreement(titles: "Lager", travel: "", hours: "", channels: "", methods: [], perWeek: 2, stamp: Self.coach)
        jurgen.addApplication(
            JobApplication(id: "a-1", employer: "REWE", jobTitle: "", day: Day(iso: "2026-10-19") ?? Fixtures.today, method: .phone, stamp: Self.coach))
        state.caseload = Caseload(state.caseload.map { row in
            guard case .participant(let entry) = row else { return row }
            if entry.id == soren.id { return .participant(CaseloadEntry(soren)) }
            if entry.id == jurgen.id { return .participant(CaseloadEntry(jurgen)) }
            return row
        })
        state.selection = state.visibleRows.firstIndex { $0.id == jurgen.id } ?? 0
        expectSnapshot(Renderer.render(state, env: Fixtures.env()).text, named: "caseload-job-signal")
        state.selection = state.visibleRows.firstIndex { $0.id == soren.id } ?? 0
        expectSnapshot(Renderer.render(state, env: Fixtures.env("da")).text, named: "caseload-job-signal-da")
    }
}
