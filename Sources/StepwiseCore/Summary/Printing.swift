import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Printing through CUPS with `lp`. The PDF goes to `lp` on its standard input, so it never
/// lands in a temporary file and never appears in a process's arguments; the job's title is
/// the neutral "Stepwise summary". `lp`'s exit status and message become a `Failure` that says
/// plainly what is wrong.
public enum Printer {
    /// Why a job was not printed.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// `lp` is not installed: printing is not set up on this computer.
        case notInstalled
        /// The CUPS scheduler cannot be reached.
        case notRunning
        /// CUPS runs but has no printer at all.
        case noPrinter
        /// No printer was named and there is no default printer.
        case noDefaultPrinter
        /// There is no printer with this name.
        case unknownPrinter(String)
        /// The printer exists but does not take jobs now (disabled or rejecting).
        case notAccepting(String)
        /// `lp` did not finish in time.
        case timedOut
        /// Any other failure, with `lp`'s own message.
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled:
                return "printing is not set up on this computer (the 'lp' command is missing; install cups-client or cups-bsd)"
            case .notRunning: return "the print service (CUPS) is not running"
            case .noPrinter: return "no printer is set up in CUPS"
            case .noDefaultPrinter: return "there is no default printer; name one with --printer (see 'lpstat -e')"
            case .unknownPrinter(let name): return "there is no printer called '\(name)' (see 'lpstat -e')"
            case .notAccepting(let name): return "the printer '\(name)' is not accepting jobs right now"
            case .timedOut: return "the print service did not answer in time"
            case .failed(let message): return "printing failed: \(message)"
            }
        }

        /// The key of the message in the string tables (`print.*`), with its arguments.
        public var message: (key: String, arguments: [String: String]) {
            switch self {
            case .notInstalled: return ("print.notInstalled", [:])
            case .notRunning: return ("print.notRunning", [:])
            case .noPrinter: return ("print.noPrinter", [:])
            case .noDefaultPrinter: return ("print.noDefault", [:])
            case .unknownPrinter(let name): return ("print.unknownPrinter", ["printer": name])
            case .notAccepting(let name): return ("print.notAccepting", ["printer": name])
            case .timedOut: return ("print.timedOut", [:])
            case .failed(let message): return ("print.failed", ["reason": message])
            }
        }

        /// The message in the language of `strings`.
        public func text(_ strings: Localizer) -> String { strings(message.key, message.arguments) }
    }

    /// What CUPS said about a job it accepted.
    public struct Job: Equatable, Sendable {
        /// The printer it went to (the default printer's name when none was named, if known).
        public var printer: String?
        /// CUPS's request id, e.g. `StepwisePDF-12`.
        public var requestID: String?
    }

    /// The neutral title every job gets (it shows in print queues).
    public static let jobTitle = "Stepwise summary"

    /// Options for the PDF: A4 paper, as the PDF's pages are.
    public static let pdfOptions = ["media=A4"]

    /// Prints `pdf` (a PDF file's bytes) on `printer`, or on the default printer when nil.
    /// The bytes go to `lp` on its standard input: no temporary file, nothing about the
    /// citizen in the arguments. Throws `Failure`.
    @discardableResult
    public static func print(
        pdf: Data, printer: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: TimeInterval = 60
    ) throws -> Job {
        if let printer, printer.isEmpty || printer.hasPrefix("-") || printer.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw Failure.unknownPrinter(printer)
        }
        var arguments = ["-t", jobTitle]
        if let printer { arguments += ["-d", printer] }
        for option in pdfOptions { arguments += ["-o", option] }
        let result = try run("lp", arguments, input: pdf, environment: environment, timeout: timeout)
        guard result.status == 0 else { throw failure(result.stderr, printer: printer, environment: environment) }
        // "request id is StepwisePDF-12 (1 file(s))"
        var requestID: String?
        if let range = result.stdout.range(of: "request id is ") {
            requestID = result.stdout[range.upperBound...].split(separator: " ").first.map(String.init)
        }
        var name = printer
        if name == nil, let id = requestID, let dash = id.lastIndex(of: "-") { name = String(id[..<dash]) }
        return Job(printer: name, requestID: requestID)
    }

    /// The printers (and classes) CUPS offers, by name; empty when there are none or CUPS
    /// cannot be reached.
    public static func available(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        if let result = try? run("lpstat", ["-e"], input: nil, environment: environment, timeout: 10), result.status == 0 {
            return result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        // Older CUPS without -e: "NAME accepting requests since …".
        guard let result = try? run("lpstat", ["-a"], input: nil, environment: environment, timeout: 10), result.status == 0 else {
            return []
        }
        return result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The default printer's name, if there is one.
    public static func defaultPrinter(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let result = try? run("lpstat", ["-d"], input: nil, environment: environment, timeout: 10), result.status == 0,
            let range = result.stdout.range(of: "destination: ")
        else { return nil }
        let name = result.stdout[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Whether the CUPS scheduler answers (`lpstat -r`); nil when that cannot be told.
    public static func isSchedulerRunning(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool? {
        guard let result = try? run("lpstat", ["-r"], input: nil, environment: environment, timeout: 10) else { return nil }
        if result.stdout.contains("not running") { return false }
        if result.stdout.contains("is running") { return true }
        return nil
    }

    /// Maps `lp`'s message (in the C locale) to a failure.
    public static func failure(
        _ stderr: String, printer: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Failure {
        let message = stderr.lowercased()
        if message.contains("scheduler is not running") || message.contains("scheduler not responding")
            || message.contains("unable to connect") || message.contains("connection refused")
            || message.contains("no such file or directory") && message.contains("server") || message.contains("bad file descriptor")
        {
            return .notRunning
        }
        // Without a scheduler lp only says there is no such destination: ask lpstat.
        if isSchedulerRunning(environment: environment) == false { return .notRunning }
        if message.contains("no default destination") || message.contains("no system default destination") {
            return available(environment: environment).isEmpty ? .noPrinter : .noDefaultPrinter
        }
        if message.contains("does not exist") || message.contains("unknown destination") || message.contains("not found") {
            return available(environment: environment).isEmpty && printer == nil ? .noPrinter : .unknownPrinter(printer ?? "")
        }
        if message.contains("not accepting") || message.contains("is stopped") || message.contains("disabled") {
            return .notAccepting(printer ?? "")
        }
        let firstLine = stderr.split(separator: "\n").first.map { String($0) } ?? "lp failed"
        let trimmed = firstLine.hasPrefix("lp: ") ? String(firstLine.dropFirst(4)) : firstLine
        return .failed(trimmed.trimmingCharacters(in: .whitespaces))
    }

    // MARK: - Running lp and lpstat

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `program` (found on PATH) with `input` on its standard input; messages in the C
    /// locale so they can be read. Throws `.notInstalled` when the program is not there and
    /// `.timedOut` when it does not finish (it is then killed).
    static func run(
        _ program: String, _ arguments: [String], input: Data?, environment: [String: String],
        timeout: TimeInterval
    ) throws -> Output {
        guard let path = find(program, environment: environment) else { throw Failure.notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = environment
        env["LC_ALL"] = "C"
        env["LANG"] = "C"
        env["LANGUAGE"] = nil
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // A program that ends before reading all its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { throw Failure.notInstalled }
        let collector = OutputCollector(stdout: stdout.fileHandleForReading, stderr: stderr.fileHandleForReading)
        if let input {
            let writer = stdin.fileHandleForWriting
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw Failure.timedOut
            }
            usleep(10_000)
        }
        let (out, err) = collector.finish()
        return Output(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// The full path of `program` on `$PATH` (and the usual folders), if it is there.
    static func find(_ program: String, environment: [String: String]) -> String? {
        let given = environment["PATH"] ?? ""
        let path = given.isEmpty ? "/usr/local/bin:/usr/bin:/bin" : given
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + program
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Reads a child's standard output and error on background threads so that neither pipe
/// fills up and blocks the child.
private final class OutputCollector: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(stdout: FileHandle, stderr: FileHandle) {
        read(stdout) { self.out = $0 }
        read(stderr) { self.err = $0 }
    }

    private func read(_ handle: FileHandle, into store: @escaping @Sendable (Data) -> Void) {
        group.enter()
        DispatchQueue.global().async {
            let data = (try? handle.readToEnd()) ?? Data()
            self.lock.lock()
            store(data)
            self.lock.unlock()
            self.group.leave()
        }
    }

    func finish() -> (String, String) {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
