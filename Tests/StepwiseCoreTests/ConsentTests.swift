import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Consent that means something: what may be shared, a history, "not asked yet" apart from
/// "said no", an end date, removal; older files read as before.
final class ConsentTests: XCTestCase {
    private let stamp = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_791_201_600))
    private var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    func testConsentRecordsWhatMayBeSharedUntilWhenAndItsHistory() throws {
        var gp = Contact(id: "c-gp", kind: .gp, name: "Dr. Holm", phone: "", email: "")
        XCTAssertEqual(gp.consentState(on: day("2026-10-05")), .notAsked)
        gp.consent.append(ConsentChange(given: false, day: day("2026-10-05"), stamp: stamp))
        XCTAssertEqual(gp.consentState(on: day("2026-10-05")), .refused, "a no is not the same as not asked yet")
        gp.consent.append(
            ConsentChange(given: true, information: [.plan, .health], until: day("2026-12-31"), day: day("2026-11-02"), stamp: stamp))
        XCTAssertEqual(gp.sharing(on: day("2026-12-31")), [.plan, .health])
        XCTAssertEqual(gp.sharing(on: day("2027-01-01")), [], "consent given for a time ends")
        XCTAssertEqual(gp.consentState(on: day("2027-01-01")), .ended)
        gp.consent.append(ConsentChange(given: false, day: day("2026-11-20"), stamp: stamp))
        XCTAssertEqual(gp.consentState(on: day("2026-11-20")), .withdrawn)
        XCTAssertEqual(gp.consent.count, 3, "every answer is kept")

        var mentor = Contact(id: "c-m", kind: .mentor, name: "Ole", phone: "", email: "")
        mentor.consent = [ConsentChange(given: true, information: [.attendance], day: day("2026-10-05"), stamp: stamp)]
        XCTAssertEqual(mentor.sharing(on: day("2026-10-05")), [.attendance])
        mentor.removed = stamp
        XCTAssertEqual(mentor.sharing(on: day("2026-10-05")), [], "nothing is shared with a removed contact")
        XCTAssertEqual(mentor.consent.count, 1, "its history stays")

        let round = try decoder.decode(Contact.self, from: RecordCodec.encode(gp))
        XCTAssertEqual(round, gp)
    }

    /// A file written before: a yes without a list of what is read as the plan only.
    func testAnOlderYesCoversThePlanOnly() throws {
        let json =
            #"{"id":"c-1","kind":"gp","name":"Dr. Holm","phone":"","email":"","consent":[{"given":true,"day":"2026-10-05","stamp":{"by":"Anna","at":"2026-10-05T10:00:00Z"}}]}"#
        let contact = try decoder.decode(Contact.self, from: Data(json.utf8))
        XCTAssertEqual(contact.sharing(on: day("2026-10-05")), [.plan])
        XCTAssertNil(contact.removed)
    }

    /// The summary lists only what is agreed today: what each contact may receive, and no
    /// one whose consent ended, was refused, was withdrawn or who was removed.
    func testTheSummaryListsOnlyWhatIsAgreedToday() throws {
        var p = SummaryFixture.participant(language: "en")
        let stamp = Stamp(by: "Anna", at: SummaryFixture.at("2026-10-05"))
        var gp = Contact(id: "c-gp", kind: .gp, name: "Dr. Aksel Holm", phone: "", email: "")
        gp.consent = [
            ConsentChange(given: true, information: [.health, .attendance], until: day("2027-01-31"), day: day("2026-10-05"), stamp: stamp)
        ]
        var ended = Contact(id: "c-end", kind: .mentor, name: "Ended Mentor", phone: "", email: "")
        ended.consent = [ConsentChange(given: true, information: [.plan], until: day("2026-11-30"), day: day("2026-10-05"), stamp: stamp)]
        var refused = Contact(id: "c-no", kind: .employer, name: "Refused Employer", phone: "", email: "")
        refused.consent = [ConsentChange(given: false, day: day("2026-10-05"), stamp: stamp)]
        var removed = Contact(id: "c-rm", kind: .other, name: "Removed Friend", phone: "", email: "")
        removed.consent = [ConsentChange(given: true, day: day("2026-10-05"), stamp: stamp)]
        removed.removed = stamp
        p.contacts += [gp, ended, refused, removed]
        let summary = Summary(
            participant: p, offers: SummaryFixture.offers(), indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: "en", resources: resourcesURL),
            today: SummaryFixture.today, coach: "Anna", timeZone: SummaryFixture.utc)
        let text = try summary.text().joined(separator: "\n").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(
            text.contains("Dr. Aksel Holm · GP (doctor) · may receive: attendance, health information (until Sun 31 Jan 2027)"), text)
        XCTAssertTrue(text.contains("Lise Berg · Social services · 33 12 34 56 · lise.berg@kommune.example · may receive: the plan"), text)
        for absent in ["Ended Mentor", "Refused Employer", "Removed Friend", "Ali Peer"] {
            XCTAssertFalse(text.contains(absent), "\(absent) is not agreed today:\n\(text)")
        }
    }
}
