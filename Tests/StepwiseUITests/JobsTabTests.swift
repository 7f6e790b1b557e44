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
}
