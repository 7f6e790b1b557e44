import CStepwiseMemory
import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI

/// `stepwise-bench catalogue --data DIR --resources DIR`: where the first reading of the offer
/// catalogue goes, in a process that has read nothing else: `readBytesMs` (every offer file's
/// bytes only), `loadOffersMs` and `loadOffersCpuMs` (`DataStore.loadOffers`, which also
/// decodes them), the memory the decoded catalogue holds (`heapPerOfferBytes`, from the
/// resident memory before and after, the catalogue kept), and then, in a
/// fresh app on the largest participant, `offersListedMs`: from key 2 until the offers tab
/// lists the catalogue (read on another thread, then filtered, sorted and drawn), and the
/// peak resident memory (VmHWM) after opening, after each tab and after the catalogue screen
/// (`peakAfterTabMB`), and `placementsCountedMs`: from key o on the caseload until the catalogue
/// screen shows the placement counts; `namingMs`: naming the people of the offer with the most
/// seats from the caseload, as its details box does at each key (`namingPerPersonMs`: the same
/// by a search per person). The
/// decoding alone is measured only with `--decode`, with the offers that `JSONDecoder`
/// reads otherwise (`differingFromJSONDecoder`, 0 when the one-pass reader is right) (it leaves the catalogue in
/// `DataStore`'s cache, where the app then finds it).
/// The allocator is set up as `stepwise` sets it up for its screens (`sw_keep_memory_compact`).
func catalogueBench(root: URL, resources: URL) throws {
    _ = sw_keep_memory_compact(128 * 1024)
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    let store = DataStore(root: root)
    let folder = root.appendingPathComponent("offers")
    let names = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).filter { $0.hasSuffix(".json") }
    var bytes = 0
    let readMs = try Clock.ms {
        for name in names { bytes += try Data(contentsOf: folder.appendingPathComponent(name)).count }
    }
    // The decoding alone only with `--decode`: it leaves the offers in `DataStore`'s cache,
    // which the app then finds.
    let decode = CommandLine.arguments.contains("--decode")
    let heapBefore = heapInUse()
    var offers: [Offer] = []
    var cpu = 0.0
    let loadMs = decode ? Clock.ms { cpu = Clock.cpuMs { offers = store.loadOffers().offers } } : 0
    let heapAfter = heapInUse()
    let count = offers.count
    // Every offer as JSONDecoder reads its file: the one-pass reader must give the same.
    var differing = 0
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    if decode {
        for offer in offers {
            let data = try Data(contentsOf: folder.appendingPathComponent(offer.id + ".json"))
            if (try? decoder.decode(Offer.self, from: data)) != offer { differing += 1 }
        }
    }
    offers = []

    let env = try UIEnvironment.load(resources: resources, language: "en")
    let identity = Identity(coach: "Bench", user: "bench", host: ProcessInfo.processInfo.hostName, pid: getpid())
    let app = App(store: DataStore(root: root), identity: identity, env: env, width: 80, height: 24)
    let run = InProcess(store: store, resources: resources, largestId: made.largestId, largestName: made.largestName)
    let screen = try BenchScreen()
    defer { screen.close() }
    screen.draw(app.render())
    // The search finds the largest in the whole caseload, whose rows come on another thread
    // after the first ones (the driver shows them when they come, as `idle` does here).
    _ = run.press(.char("/"), app, screen)
    while app.isReadingCaseload { usleep(1000) }
    _ = app.idle()
    for character in made.largestName { _ = run.press(.char(character), app, screen) }
    _ = run.press(.enter, app, screen)
    guard app.state.open?.participant.id == made.largestId else {
        throw BenchError("the search for \(made.largestName) did not open \(made.largestId):\n" + app.render().text)
    }
    var peaks: [String: Double] = ["opened": residentMB("VmHWM")]
    let listed = Clock.ms {
        _ = run.press(.char("2"), app, screen)
        if app.takeCatalogue(wait: true) { screen.draw(app.render()) }
    }
    for (number, tab) in Tab.allCases.enumerated() {
        _ = run.press(.char(Character(String(number + 1))), app, screen)
        if app.takeCatalogue(wait: true) { screen.draw(app.render()) }
        if app.takePlacementCounts(wait: true) { screen.draw(app.render()) }
        peaks["\(tab)"] = residentMB("VmHWM")
    }
    // Naming the people of the offer with the most seats and places in line, as its details
    // box does at each key (`Caseload.names`), beside a search of the caseload per person.
    let crowded = app.state.offers.max { $0.booked.count + $0.waiting.count < $1.booked.count + $1.waiting.count }
    let people = Set((crowded.map { $0.booked + $0.waiting } ?? []).map(\.participantId))
    var naming = Samples()
    var perPerson = Samples()
    for _ in 0..<21 {
        naming.add(Clock.ms { _ = app.state.caseload.names(of: people) })
        perPerson.add(Clock.ms { for id in people { _ = app.state.caseload.firstIndex(ofID: id) } })
    }
    // The catalogue screen (key o on the caseload): the catalogue and the placement counts,
    // which read the record of everyone holding a seat in an internship.
    _ = run.press(.escape, app, screen)
    if app.state.search != nil { _ = run.press(.escape, app, screen) }
    let counted = Clock.ms {
        _ = run.press(.char("o"), app, screen)
        if app.takeCatalogue(wait: true) { screen.draw(app.render()) }
        if app.takePlacementCounts(wait: true) { screen.draw(app.render()) }
    }
    guard app.state.catalogue != nil else { throw BenchError("key o did not show the catalogue:\n" + app.render().text) }
    peaks["catalogue"] = residentMB("VmHWM")
    emit([
        "placementsCountedMs": counted, "namingPeople": people.count, "namingMs": naming.json, "namingPerPersonMs": perPerson.json,
        "peakAfterTabMB": peaks, "rssEndMB": residentMB("VmRSS"),
        "offers": count, "differingFromJSONDecoder": differing, "bytes": bytes, "readBytesMs": readMs, "loadOffersMs": loadMs, "loadOffersCpuMs": cpu,
        "heapPerOfferBytes": count > 0 ? (heapAfter - heapBefore) / count : 0, "heapMB": Double(heapAfter - heapBefore) / 1_048_576,
        "offersListedMs": listed, "peakMB": residentMB("VmHWM"),
    ])
}

/// The resident memory of this process (VmRSS), in bytes.
private func heapInUse() -> Int { Int(residentMB("VmRSS") * 1_048_576) }
