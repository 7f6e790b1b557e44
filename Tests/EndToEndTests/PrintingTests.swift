import Foundation
import StepwiseCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `stepwise summary ID --print` against a real CUPS server with a PDF printer (cups-pdf):
/// the job arrives whole (the spooled job file is byte for byte the summary's PDF), the
/// printed PDF has as many pages and every word of the plan. Where CUPS cannot run, the tests say why they were skipped.
final class PrintingTests: EndToEndTestCase {
    override class func tearDown() {
        CUPSTestServer.shared.stop()
        super.tearDown()
    }

    /// A participant with a plan long enough for several pages, saved in the data folder.
    func longPlan() throws -> String {
        let store = DataStore(root: data)
        try store.prepare()
        let stamp = Stamp(by: "Anna", at: Date())
        var participant = Participant(
            id: "p-printtest", name: "Maja Jensen-Sørensen", language: "da", courseStart: .today.adding(days: -30), by: stamp)
        for index in 1...16 {
            var goal = Goal(
                id: "g-\(index)", kind: .job,
                text: Words(
                    "Mål nummer \(index): arbejde på et lager, æøå og “citater”", author: .citizen,
                    by: "Maja", at: Date()))
            goal.steps = (1...3).map {
                Step(
                    id: "s-\(index)-\($0)",
                    text: Words("Skridt \($0) mod mål \(index), med mine egne ord", author: .citizen, by: "Maja", at: Date()),
                    who: .me, due: nil, status: $0 == 1 ? .done : .planned, on: .today)
            }
            participant.plan.goals.append(goal)
        }
        try store.save(participant)
        return participant.id
    }

    func testPrintingTheSummaryOnACUPSPDFPrinter() throws {
        try CUPSTestServer.shared.prepare()
        let id = try longPlan()
        let file = root.appendingPathComponent("summary.pdf")
        let written = try stepwise(["summary", id, "--format", "pdf", "--output", file.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let pages = try CUPSTestServer.shared.pageCount(file)
        XCTAssertGreaterThan(pages, 1, "the long plan takes more than one page")

        let started = Date()
        let result = try stepwise(["summary", id, "--print", "--printer", CUPSTestServer.queue])
        XCTAssertEqual(result.status, 0, result.stderr)
        let prefix = "sent the summary of \(id) to printer \(CUPSTestServer.queue): \(pages) pages (request id \(CUPSTestServer.queue)-"
        XCTAssertTrue(result.stdout.hasPrefix(prefix), result.stdout)
        let job = try XCTUnwrap(Int(result.stdout.dropFirst(prefix.count).prefix { $0.isNumber }), result.stdout)

        // What CUPS spooled is exactly the PDF: nothing cut, nothing added.
        let spooled = try CUPSTestServer.shared.jobFile(job)
        XCTAssertEqual(spooled, try Data(contentsOf: file), "the job file differs from the PDF sent")

        // The PDF printer made a PDF with the same pages.
        let pdf = try CUPSTestServer.shared.waitForPDF(job: job, after: started)
        XCTAssertEqual(try CUPSTestServer.shared.pageCount(pdf), pages, "\(pdf.path) has another number of pages")
        try? FileManager.default.removeItem(at: pdf)
    }

    /// Through CUPS's own text filter, everything after the first emoji was lost. Now CUPS
    /// gets the PDF, whose text holds every goal, step, offer and appointment in order, and
    /// the printer's pages look like the PDF's (compared as small grey images: the printer
    /// driver rewrites the fonts, so its text layer cannot be compared).
    func testThePrintedPlanLosesNothingAfterAnEmoji() throws {
        try CUPSTestServer.shared.prepare()
        let plan = try PDFPlan.save(in: data)
        let file = root.appendingPathComponent("plan.pdf")
        XCTAssertEqual(try stepwise(["summary", plan.id, "--format", "pdf", "--output", file.path]).status, 0)
        let started = Date()
        let result = try stepwise(["summary", plan.id, "--print", "--printer", CUPSTestServer.queue])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("✅"), "the note names the characters printed by name: \(result.stderr)")
        let job = try XCTUnwrap(
            Int(result.stdout.components(separatedBy: "request id \(CUPSTestServer.queue)-").last?.prefix { $0.isNumber } ?? ""),
            result.stdout)
        let printed = try CUPSTestServer.shared.waitForPDF(job: job, after: started)
        defer { try? FileManager.default.removeItem(at: printed) }

        let spooled = root.appendingPathComponent("spooled.pdf")
        try CUPSTestServer.shared.jobFile(job).write(to: spooled)
        let text = PDFPlan.withoutHeaders(Poppler.words(try Poppler.run("pdftotext", [spooled.path, "-"])))
        var rest = Substring(text)
        for expected in plan.inOrder {
            guard let range = rest.range(of: expected) else {
                XCTFail("the job CUPS printed lacks, or has out of order: \(expected)\n--- text ---\n\(text)")
                break
            }
            rest = rest[range.upperBound...]
        }

        let pages = try CUPSTestServer.shared.pageCount(file)
        XCTAssertEqual(try CUPSTestServer.shared.pageCount(printed), pages)
        XCTAssertTrue(try Poppler.run("pdfinfo", [printed.path]).contains("(A4)"))
        for page in 1...pages {
            let sent = try Poppler.grey(file, page: page, into: root)
            let out = try Poppler.grey(printed, page: page, into: root)
            XCTAssertEqual(sent.width, out.width)
            XCTAssertEqual(sent.height, out.height)
            // The driver draws text as bitmaps, a little heavier: the lines must be where the
            // PDF has them, and the page about as grey.
            let difference = zip(sent.pixels, out.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) } / max(1, sent.pixels.count)
            XCTAssertLessThan(difference, 16, "page \(page) of the printout differs from the PDF by \(difference) grey levels on average")
            let sentRows = sent.inkedRows
            let outRows = out.inkedRows
            let near = { (rows: Set<Int>, row: Int) in (row - 2...row + 2).contains { rows.contains($0) } }
            let missing = sentRows.filter { !near(outRows, $0) }.sorted()
            let added = outRows.filter { !near(sentRows, $0) }.sorted()
            // A line of text is four rows or more; a thin rule or light grey text (a muted
            // "nothing written yet") drawn darker by the driver may add a row or two each.
            XCTAssertTrue(
                missing.count < 3 && added.count < 6, "page \(page): the printout lacks the PDF's rows \(missing) or adds \(added)")
        }
    }

    func testTheTitleOfTheJobNamesNoOne() throws {
        try CUPSTestServer.shared.prepare()
        let id = try longPlan()
        let started = Date()
        let result = try stepwise(["summary", id, "--print", "--printer", CUPSTestServer.queue])
        XCTAssertEqual(result.status, 0, result.stderr)
        let job = Int(result.stdout.components(separatedBy: "request id \(CUPSTestServer.queue)-").last?.prefix { $0.isNumber } ?? "")
        defer {
            if let job, let pdf = try? CUPSTestServer.shared.waitForPDF(job: job, after: started) {
                try? FileManager.default.removeItem(at: pdf)
            }
        }
        let jobs = try CLI.run(["-W", "all", "-o", CUPSTestServer.queue, "-l"], executable: "lpstat")
        XCTAssertFalse(jobs.stdout.contains("Maja"), jobs.stdout)
        let attributes = try CLI.run(["-W", "all", "-o", CUPSTestServer.queue], executable: "lpstat")
        XCTAssertFalse(attributes.stdout.contains("Maja"), attributes.stdout)
    }

    func testAPrinterThatDoesNotExist() throws {
        try CUPSTestServer.shared.prepare()
        let id = try longPlan()
        let result = try stepwise(["summary", id, "--print", "--printer", "NoSuchPrinter"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "stepwise: not printed: there is no printer called 'NoSuchPrinter' (see 'lpstat -e')\n")
    }

    func testNoDefaultPrinter() throws {
        try CUPSTestServer.shared.prepare()
        let defaults = try CLI.run(["-d"], executable: "lpstat")
        guard defaults.stdout.contains("no system default") else {
            throw XCTSkip(
                "this machine has a default printer (\(defaults.stdout.trimmingCharacters(in: .whitespacesAndNewlines))); not sending a job to it"
            )
        }
        let id = try longPlan()
        let result = try stepwise(["summary", id, "--print"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: not printed: there is no default printer; name one with --printer (see 'lpstat -e')\n")
    }

    func testCUPSNotRunning() throws {
        // A server address where nothing listens stands for a CUPS that is not running.
        let id = try longPlan()
        let socket = root.appendingPathComponent("no-cups.sock").path
        var result = try stepwise(["summary", id, "--print"], environment: ["CUPS_SERVER": socket])
        guard !result.stderr.contains("printing is not set up") else { throw XCTSkip("CUPS's lp is not installed here") }
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: not printed: the print service (CUPS) is not running\n")
        result = try stepwise(["summary", id, "--print", "--printer", "StepwisePDF"], environment: ["CUPS_SERVER": socket])
        XCTAssertEqual(result.stderr, "stepwise: not printed: the print service (CUPS) is not running\n")
    }

    func testPrintingIsNotSetUp() throws {
        let id = try longPlan()
        let result = try stepwise(["summary", id, "--print"], environment: ["PATH": root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("stepwise: not printed: printing is not set up on this computer"), result.stderr)
    }

    /// The tests leave no print queue behind.
    func testTheTestQueueIsRemovedAfterwards() throws {
        try CUPSTestServer.shared.prepare()
        XCTAssertTrue(CUPSTestServer.shared.savedQueues()?.contains(CUPSTestServer.queue) ?? true)
        CUPSTestServer.shared.stop()
        let queues = try XCTUnwrap(CUPSTestServer.shared.savedQueues(), "neither lpstat nor /etc/cups/printers.conf can tell the queues")
        XCTAssertFalse(queues.contains(CUPSTestServer.queue), "\(queues)")
    }

    func testPrinterListForTheTUI() throws {
        try CUPSTestServer.shared.prepare()
        XCTAssertTrue(Printer.available().contains(CUPSTestServer.queue), "\(Printer.available())")
        XCTAssertEqual(Printer.isSchedulerRunning(), true)
        XCTAssertEqual(
            Printer.available(environment: ["CUPS_SERVER": root.appendingPathComponent("none.sock").path, "PATH": "/usr/bin:/bin"]), [])
    }
}

/// A CUPS server with a cups-pdf queue for tests: uses the running scheduler, or starts
/// `cupsd -f` as a child (as root) and stops it when the tests end. The queue is this test
/// process's own and is removed again by `stop()`, so no print queue is left behind.
/// `prepare()` throws XCTSkip with the reason when that cannot be done.
final class CUPSTestServer: @unchecked Sendable {
    static let shared = CUPSTestServer()
    static let queue = "StepwisePDF-\(getpid())"
    static let ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"

    private let lock = NSLock()
    private var outcome: String??  // nil: not tried; .some(nil): ready; .some(reason): skipped
    private var child: pid_t?
    /// True while the queue that `setUp` added exists.
    private var addedQueue = false

    func prepare() throws {
        lock.lock()
        defer { lock.unlock() }
        if outcome == nil { outcome = .some(setUp()) }
        if let reason = outcome ?? nil { throw XCTSkip(reason) }
    }

    /// nil when ready, else why not.
    private func setUp() -> String? {
        for tool in ["lp", "lpstat", "lpadmin", "pdfinfo"] where which(tool) == nil {
            return
                "CUPS printing cannot be tested here: '\(tool)' is missing (make deps-test installs cups, cups-bsd, printer-driver-cups-pdf, poppler-utils)"
        }
        guard FileManager.default.fileExists(atPath: CUPSTestServer.ppd) else {
            return "CUPS printing cannot be tested here: \(CUPSTestServer.ppd) is missing (install printer-driver-cups-pdf)"
        }
        if !schedulerRunning() {
            guard getuid() == 0 else { return "CUPS is not running and only root may start it" }
            guard let cupsd = which("cupsd") else { return "CUPS is not running and cupsd is not installed" }
            guard let pid = spawn([cupsd, "-f"]) else { return "cupsd could not be started" }
            child = pid
            guard E2E.poll(timeout: 15, { schedulerRunning() }) else {
                return "cupsd was started but the scheduler did not answer within 15 s"
            }
        }
        let queues = (try? CLI.run(["-e"], executable: "lpstat").stdout) ?? ""
        if !queues.split(separator: "\n").contains(Substring(CUPSTestServer.queue)) {
            guard
                let added = try? CLI.run(
                    ["-p", CUPSTestServer.queue, "-v", "cups-pdf:/", "-E", "-P", CUPSTestServer.ppd], executable: "lpadmin"),
                added.status == 0
            else {
                return "the cups-pdf queue could not be added (lpadmin needs root or the lpadmin group)"
            }
            addedQueue = true
        }
        _ = try? CLI.run([CUPSTestServer.queue], executable: "cupsenable")
        _ = try? CLI.run([CUPSTestServer.queue], executable: "cupsaccept")
        return nil
    }

    /// Removes the queue these tests added, and stops the scheduler if they started it.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if addedQueue {
            _ = try? CLI.run(["-x", CUPSTestServer.queue], executable: "lpadmin")
            addedQueue = false
        }
        outcome = nil
        guard let pid = child else { return }
        kill(pid, SIGTERM)
        if !E2E.poll(timeout: 10, { waitpid(pid, nil, WNOHANG) == pid }) {
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }
        child = nil
    }

    /// The queues CUPS knows: `lpstat -e` while the scheduler runs, else the printers saved
    /// in /etc/cups/printers.conf (nil when that cannot be read).
    func savedQueues() -> [String]? {
        if schedulerRunning() { return (try? CLI.run(["-e"], executable: "lpstat"))?.stdout.split(separator: "\n").map(String.init) }
        guard let text = try? String(contentsOfFile: "/etc/cups/printers.conf", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").compactMap { line in
            line.hasPrefix("<Printer ") || line.hasPrefix("<DefaultPrinter ") ? String(line.split(separator: " ")[1].dropLast()) : nil
        }
    }

    private func schedulerRunning() -> Bool {
        ((try? CLI.run(["-r"], executable: "lpstat"))?.stdout ?? "").contains("scheduler is running")
    }

    /// The spooled document of job `id` (`/var/spool/cups/dNNNNN-001`).
    func jobFile(_ id: Int) throws -> Data {
        let path = String(format: "/var/spool/cups/d%05d-001", id)
        var data: Data?
        E2E.poll(timeout: 10) {
            data = FileManager.default.contents(atPath: path)
            return data != nil
        }
        guard let data else { throw XCTSkip("\(path) cannot be read (CUPS keeps job files only for root, with PreserveJobFiles)") }
        return data
    }

    /// Waits for the PDF cups-pdf writes for job `id` (in ~/PDF, or its spool folders).
    func waitForPDF(job id: Int, after start: Date, timeout: TimeInterval = 90) throws -> URL {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        var folders = [home + "/PDF", "/root/PDF", "/var/spool/cups-pdf/ANONYMOUS"]
        if let users = try? FileManager.default.contentsOfDirectory(atPath: "/var/spool/cups-pdf") {
            folders += users.map { "/var/spool/cups-pdf/" + $0 }
        }
        var found: URL?
        E2E.poll(timeout: timeout) {
            for folder in folders {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for name in names where name.hasSuffix("job_\(id).pdf") {
                    let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                    let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
                    if let modified, modified >= start.addingTimeInterval(-2), (try? pageCount(url)) != nil {
                        found = url
                        return true
                    }
                }
            }
            return false
        }
        guard let found else {
            XCTFail("no PDF for job \(id) within \(timeout) s in \(folders.joined(separator: ", "))")
            throw E2EError("no PDF")
        }
        return found
    }

    /// Pages of a PDF, as pdfinfo counts them.
    func pageCount(_ pdf: URL) throws -> Int {
        let info = try CLI.run([pdf.path], executable: "pdfinfo")
        guard info.status == 0, let line = info.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
            let pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        else {
            throw E2EError("pdfinfo cannot read \(pdf.path): \(info.stderr)")
        }
        return pages
    }

    private func which(_ tool: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/sbin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a program in the background with its output discarded; returns its pid.
    private func spawn(_ argv: [String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let pointers = argv.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        let status = posix_spawn(&pid, argv[0], &actions, nil, pointers, environ)
        return status == 0 ? pid : nil
    }
}
