import Foundation
import StepwiseCore
import StepwiseTestSupport

/// The synthetic offer catalogue, with the seats and waitlist places participants hold.
extension Generator {
    static let offerTitles = [
        "Job club", "CV workshop", "Company visit: bakery", "Network café", "Mini course: IT basics",
        "Theme day: health and work", "Peer group", "Forklift certificate", "Internship: garden centre",
        "Mentor programme", "Interview practice", "Danish at work",
    ]

    /// The offers, and for each participant number the seats and places they hold.
    func makeOffers() -> ([Offer], [Int: [Place]]) {
        var random = SplitMix64(seed: 4242)
        var offers: [Offer] = []
        var places: [Int: [Place]] = [:]
        for number in 0..<offerCount {
            let title = Generator.offerTitles[number % Generator.offerTitles.count] + " \(number / Generator.offerTitles.count + 1)"
            let first = CourseFrame.workday(today.adding(days: random.below(180) - 60))
            let sessions = (0..<(1 + random.below(6))).map {
                OfferSession(day: CourseFrame.workday(first.adding(days: 7 * $0)), start: "09:30", end: "12:00")
            }
            var offer = Offer(
                id: Generator.id("o", number), title: title, kind: OfferKind.builtIn[number % OfferKind.builtIn.count],
                description: text(&random, sentences: 3), sessions: sessions,
                place: ["Jobcenter Nord", "Library, room 3", "online", "Garden Centre Nord"][random.below(4)],
                capacity: 6 + random.below(15), language: ["da", "en"][random.below(2)])
            offer.facilitators = [Facilitator(name: "Bo Friis", role: .coach)]
            offer.suits = "anyone who wants to try a trade"
            let seats = offer.capacity - random.below(3)
            let waiting = seats == offer.capacity ? random.below(9) : 0
            var taken = Set<Int>()
            for index in 0..<(seats + waiting) {
                // Participant 0 (the largest) holds a seat in every 10th offer.
                var who = number % 10 == 0 && index == 0 ? 0 : random.below(count)
                while taken.contains(who) { who = random.below(count) }
                taken.insert(who)
                let since = moment(first.adding(days: -30 + index), hour: 9)
                if index < seats {
                    offer.booked.append(Seat(participantId: Generator.id("p", who), since: since))
                } else {
                    offer.waiting.append(Seat(participantId: Generator.id("p", who), since: since))
                }
                places[who, default: []].append(Place(offerId: offer.id, title: title, waiting: index >= seats))
            }
            offers.append(offer)
        }
        return (offers, places)
    }
}
