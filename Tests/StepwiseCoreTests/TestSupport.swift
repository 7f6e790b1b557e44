import Foundation
import StepwiseTestSupport

@testable import StepwiseCore

let anna = Identity(coach: "Anna", user: "anna", host: "desk-1", pid: getpid())

func mode(_ url: URL) -> Int {
    var info = stat()
    stat(url.path, &info)
    return Int(info.st_mode & 0o777)
}
