import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

let anna = Identity(coach: "Anna", user: "anna", host: "desk-1", pid: getpid())

func mode(_ url: URL) -> Int {
    var info = stat()
    stat(url.path, &info)
    return Int(info.st_mode & 0o777)
}

/// Opens `csv` in LibreOffice Calc as a user with `locale` settings would (the separator
/// given, formulas evaluated as on a typed-in sheet), and saves it as CSV again.
func throughLibreOffice(_ csv: Data, locale: String, separator: Character) throws -> Data {
    let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let soffice else {
        throw XCTSkip("LibreOffice (soffice) is not installed; make deps-test installs libreoffice-calc-nogui")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-lo-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("sheet.csv")
    try csv.write(to: input)
    let code = separator == ";" ? 59 : 44
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    // Separator, quote ("), UTF-8 (76), from line 1: as the import dialog is filled in.
    process.arguments = [
        "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path, "--headless",
        "--infilter=CSV:\(code),34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):\(code),34,76,1",
        "--outdir", folder.appendingPathComponent("out").path, input.path,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = locale
    environment["LC_ALL"] = locale
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "soffice --convert-to failed")
    return try Data(contentsOf: folder.appendingPathComponent("out/sheet.csv"))
}
