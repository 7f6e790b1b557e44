import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// What the citizen takes home does not change when the summary is made faster: the PDF's
/// bytes, the printed text, the preview on the summary tab, Markdown and HTML of a large plan
/// (a participant booked into 120 offers with weekly, daily and single sessions, a hundred
/// ratings, long words, characters the fonts lack) are held as digests (FNV-1a, 64 bits) in
/// a snapshot, in every language.
final class SummaryOutputIdentityTests: XCTestCase {
    func testTheOutputsOfALargePlanStayTheSame() throws {
        let fonts = try PDFTypesettingTests.fonts()
        var lines: [String] = []
        for language in ["en", "da", "sv", "de"] {
            let summary = try Self.largeSummary(language: language)
            let pdf = try summary.pdf(fonts: fonts)
            let text = Data(summary.printable().utf8)
            let preview = Data(summary.preview(fonts: fonts, columns: 76).map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}").utf8)
            lines.append("\(language) pdf \(pdf.data.count) bytes \(pdf.pages) pages \(Self.digest(pdf.data)) stand-ins \(pdf.standIns.joined(separator: " "))")
            lines.append("\(language) text \(text.count) bytes \(summary.pages().count) pages \(Self.digest(text))")
            lines.append("\(language) preview \(preview.count) bytes \(Self.digest(preview))")
            lines.append("\(language) markdown \(Self.digest(Data(summary.markdown().utf8)))")
            lines.append("\(language) html \(Self.digest(Data(summary.html().utf8)))")
        }
        expectSnapshot(lines.joined(separator: "\n"), named: "summary-identity")
    }

    /// FNV-1a of `data`, 64 bits, as 16 hexadecimal digits.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fixture's plan made long (`SummaryFixture.lengthen`), booked into 120 more offers
    /// and rated a hundred times.
    static func largeSummary(language: String) throws -> Summary {
        var participant = SummaryFixture.participant(language: language)
        SummaryFixture.lengthen(&participant)
        var random = SplitMix64(seed: 18)
        let stamp = Stamp(by: "Anna", at: SummaryFixture.at("2026-10-05", 9))
        let start = day("2026-06-01")
        participant.ratings += (0..<100).map { index in
            Rating(
                day: start.adding(days: index), sessionId: nil,
                scores: ["health": 1 + random.below(10), "everyday": 1 + random.below(10), "belief": 1 + random.below(10)],
                coachBelief: index % 3 == 0 ? 1 + random.below(10) : nil, stamp: stamp)
        }
        participant.ratings.sort { $0.day < $1.day }
        participant.milestones += (0..<12).map { index in
            Milestone(kind: .custom, text: "Milestone \(index) reached on kl. 10:00 – with 💪 and Straße", day: start.adding(days: 7 * index))
        }
        let titles = [
            "Ansøgningsværksted", "Bewerbungstraining für Fortgeschrittene", "Jobbsökarkurs 💪", "IT-Grundkurs 日本語",
            "Arbeitsmarktintegrationsmaßnahmenverordnungsbestimmungenseminar", "Træning kl. 10:00 hver mandag",
            "Café-möte · nätverk", "CV\u{00A0}workshop 2",
        ]
        let places = ["online", "Jobhuset, Vestergade 1", "Arbeitsagentur Raum 3.14", "", "Kulturhuset – sal B"]
        let since = SummaryFixture.at("2026-11-01")
        var offers = SummaryFixture.offers() + [SummaryFixture.club()]
        for number in 0..<120 {
            let first = SummaryFixture.today.adding(days: random.below(60) - 20)
            let times = [("09:00", "12:00"), ("13:30", "15:30"), ("10:00", ""), ("08:15", "16:45")][random.below(4)]
            var sessions: [OfferSession] = []
            switch number % 4 {
            case 0: sessions = (0..<(3 + random.below(6))).map { OfferSession(day: first.adding(days: 7 * $0), start: times.0, end: times.1) }
            case 1: sessions = (0..<(2 + random.below(8))).map { OfferSession(day: first.adding(days: $0), start: times.0, end: times.1) }
            case 2: sessions = (0..<random.below(4)).map { OfferSession(day: first.adding(days: 3 * $0 + random.below(3)), start: times.0, end: times.1) }
            default: sessions = [OfferSession(day: first, start: times.0, end: times.1)]
            }
            var offer = Offer(
                id: "o-large-\(number)", title: titles[number % titles.count] + " \(number)", kind: "workshop", description: "",
                sessions: sessions.shuffledDeterministically(&random), place: places[number % places.count], capacity: 10, language: "da")
            if number % 5 == 3 {
                offer.waiting = [Seat(participantId: "p-other", since: since), Seat(participantId: "p-maja", since: since)]
            } else {
                offer.booked = [Seat(participantId: "p-maja", since: since)]
            }
            if number % 7 == 0 { offer.status = .cancelled }
            if number % 3 == 0 { offer.facilitators = [Facilitator(name: "Mette Holm", role: .peerTrainer), Facilitator(name: "Lars Ø", role: .coach)] }
            if number % 11 == 0 {
                offer.internship = Internship(
                    employer: "Bageri Sol \(number)", contact: ContactPerson(name: "Per Sol", phone: "40 40 40 40"),
                    start: first, end: first.adding(days: 40), hoursPerWeek: 18.5, tasks: "Baking")
            }
            offers.append(offer)
        }
        return Summary(
            participant: participant, offers: offers, indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: language, resources: resourcesURL), today: SummaryFixture.today, coach: "Anna",
            timeZone: SummaryFixture.utc, letterhead: SummaryFixture.letterhead)
    }
}

extension Array {
    /// The elements in an order drawn from `random` (Fisher–Yates), the same for the same seed.
    fileprivate func shuffledDeterministically(_ random: inout SplitMix64) -> [Element] {
        var result = self
        for index in stride(from: result.count - 1, to: 0, by: -1) { result.swapAt(index, random.below(index + 1)) }
        return result
    }
}
