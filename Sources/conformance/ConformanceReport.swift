import Foundation

/// Collects case results: failures printed as `FAIL <file>: <name> — <reason>`,
/// then `N passed, M failed`.
final class ConformanceReport {
    private(set) var passed = 0
    private(set) var failed = 0
    let verbose: Bool

    init(verbose: Bool) { self.verbose = verbose }

    func record(_ result: CaseResult) {
        if let reason = result.failure {
            failed += 1
            let oneLine = reason.replacingOccurrences(of: "\n", with: " | ")
            let clipped = oneLine.count > 600 ? String(oneLine.prefix(600)) + "…" : oneLine
            print("FAIL \(result.file): \(result.name) — \(clipped)")
        } else {
            passed += 1
            if verbose { print("PASS \(result.file): \(result.name)") }
        }
    }

    /// Prints the summary; returns the exit status.
    func finish(minPass: Double?) -> Int32 {
        print("\(passed) passed, \(failed) failed")
        guard let minPass else { return 0 }
        let total = passed + failed
        let rate = total == 0 ? 0 : Double(passed) / Double(total)
        if rate < minPass {
            FileHandle.standardError.write(Data(String(format: "conformance: pass rate %.4f is below --min-pass %.4f\n", rate, minPass).utf8))
            return 1
        }
        return 0
    }
}

struct CaseResult: Sendable {
    var file: String
    var name: String
    /// Nil when the case passed.
    var failure: String?
}

/// A piece of work run in isolation: one Rego case, or one gator suite file.
struct ConformanceUnit: Sendable {
    var file: String
    var name: String
    /// Hard limit for the whole unit, after which its worker is replaced.
    var timeLimit: Double
    var run: @Sendable () -> [CaseResult]
}

protocol ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit]
}

enum ConformanceSuites {
    static let names = ["rego", "gatekeeper", "pss", "kubescape", "kube-bench", "falco-loader", "falco-filter", "falco-regression", "polaris", "netpol-analyzer", "anp", "nca", "cyclonus"]

    static func make(_ name: String) -> ConformanceSuite? {
        switch name {
        case "rego": return RegoConformance()
        case "gatekeeper": return GatekeeperConformance()
        case "pss": return PSSConformance()
        case "kubescape": return KubescapeConformance()
        case "kube-bench": return KubeBenchConformance()
        case "falco-loader": return FalcoLoaderConformance()
        case "falco-filter": return FalcoFilterConformance()
        case "falco-regression": return FalcoRegressionConformance()
        case "polaris": return PolarisConformance()
        case "netpol-analyzer": return NetpolAnalyzerConformance()
        case "nca": return NCAConformance()
        case "anp": return ANPConformance()
        case "cyclonus": return CyclonusConformance()
        default: return nil
        }
    }

    /// Fails with a clear message when `directory` is not a readable directory.
    static func checkDirectory(_ directory: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue,
              FileManager.default.isReadableFile(atPath: directory),
              (try? FileManager.default.contentsOfDirectory(atPath: directory)) != nil else {
            throw UsageError(description: "\(directory): cannot read directory")
        }
    }
}

/// Runs `work` on a thread with a large stack, giving up after `seconds`.
func withTimeLimit<T>(_ seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
    let box = TimeLimitBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = work()
        done.signal()
    }
    thread.stackSize = 512 << 20
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

/// Carries a result out of the worker thread; the semaphore orders the accesses.
private final class TimeLimitBox<T>: @unchecked Sendable {
    var value: T?
}
