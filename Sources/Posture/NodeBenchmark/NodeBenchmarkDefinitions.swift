import Foundation

/// Palisade's own benchmark definitions (kube-bench format), shipped as plain
/// YAML files in `Sources/Posture/NodeBenchmark/Definitions/` and read at run
/// time, so users can read, copy and adapt them like any kube-bench `cfg`.
///
/// Lookup order: `$PALISADE_BENCH_DEFINITIONS`; `node-benchmark/` next to the
/// executable or in `../share/palisade/` (an installed copy); the source tree
/// this file was compiled from (development builds).
public enum NodeBenchmarkDefinitions {
    public static let environmentVariable = "PALISADE_BENCH_DEFINITIONS"

    /// The first candidate directory that holds a `config.yaml`, or nil.
    public static func defaultDirectory(executable: String? = CommandLine.arguments.first) -> String? {
        candidates(executable: executable).first { dir in
            FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(BenchConfig.fileName))
        }
    }

    static func candidates(executable: String?) -> [String] {
        var list: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            list.append(fromEnvironment)
        }
        if let executable {
            let binDir = (URL(fileURLWithPath: executable).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
            list.append((binDir as NSString).appendingPathComponent("node-benchmark"))
            list.append((binDir as NSString).appendingPathComponent("../share/palisade/node-benchmark"))
        }
        list.append(sourceTreeDirectory)
        return list
    }

    /// `Definitions/` beside this source file.
    static var sourceTreeDirectory: String {
        ((#filePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Definitions")
    }
}
