import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// The summary tab's two file forms say which kind of file they save: the PDF form speaks of
/// the PDF file, the calendar form of the .ics file, in every language.
final class SummaryFileFormTests: XCTestCase {
    func testEachFileFormNamesItsKindOfFile() throws {
        let hints = [
            "en": ("Where to save the PDF file", "Where to save the .ics file"),
            "da": ("Hvor PDF-filen skal gemmes", "Hvor .ics-filen skal gemmes"),
            "sv": ("Var PDF-filen ska sparas", "Var .ics-filen ska sparas"),
            "de": ("Wo die PDF-Datei gespeichert wird", "Wo die .ics-Datei gespeichert wird"),
        ]
        for (language, (pdf, calendar)) in hints {
            let h = try AppHarness(language: language)
            h.open("Grace O'Neill")
            h.press(.char("5"), .char("f"))
            XCTAssertTrue(h.screen.contains(pdf), "\(language): the PDF form says \(pdf)\n\(h.screen)")
            XCTAssertFalse(h.screen.contains(".ics"), "\(language): the PDF form speaks of .ics\n\(h.screen)")
            h.press(.escape, .char("c"))
            XCTAssertTrue(h.screen.contains(calendar), "\(language): the calendar form says \(calendar)\n\(h.screen)")
        }
    }
}
