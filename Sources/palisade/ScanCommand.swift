import ArgumentParser
import Foundation
import Kube
import PalisadeCore
import Posture

/// `palisade scan`: posture scan of manifests. Today it checks workloads
/// against a Pod Security Standards level; the control library comes next.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Posture scan of Kubernetes manifests (Pod Security Standards today).",
        discussion: """
        Reads files, directories (recursively: .yaml, .yml, .json) or - for stdin:
        multi-document YAML, JSON and List kinds. Documents that are not Kubernetes
        objects are skipped with a notice; a broken file is reported with file:line
        and the rest is scanned. Exit status: 0 no findings, 1 findings, 2 some input
        could not be read or the options are wrong.
        """
    )

    enum Format: String, ExpressibleByArgument {
        case table, json
    }

    @Option(name: .long, help: "Pod Security Standards policy LEVEL[:VERSION], e.g. restricted:latest or baseline:v1.30.")
    var pss: String = "baseline:latest"

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: Format = .table

    @Argument(help: "Manifest files or directories; - reads standard input.")
    var paths: [String]

    func run() throws {
        let policy: PodSecurityPolicy
        do {
            policy = try PodSecurityPolicy(parsing: pss)
        } catch {
            FileHandle.standardError.write(Data("palisade scan: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let manifests = ManifestLoader().load(paths: paths)
        for notice in manifests.notices {
            FileHandle.standardError.write(Data("notice: \(notice)\n".utf8))
        }
        for error in manifests.errors {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        }
        let findings = PodSecurityScan.findings(for: manifests.objects, policy: policy)
        switch output {
        case .json:
            let report = Value.object(fields: [
                "policy": .string(policy.description),
                "resources": .int(manifests.objects.count),
                "findings": findings.toValue(),
                "errors": .array(manifests.errors.map { .string($0.description) }),
            ])
            print(JSONWriter.string(report, options: .pretty))
        case .table:
            for finding in findings {
                let where_ = finding.resource.map { "\($0)" } ?? "-"
                print("\(finding.severity)\t\(finding.ruleID)\t\(where_)\t\(finding.message)")
            }
            print("\(manifests.objects.count) resources, \(findings.count) findings (\(policy))")
        }
        if !manifests.errors.isEmpty { throw ExitCode(2) }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}
