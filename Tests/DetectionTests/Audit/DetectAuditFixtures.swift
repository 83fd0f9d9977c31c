import Foundation
import XCTest
@testable import Detection

/// The Falco corpus folder, from SharedCorpus or the shared checkout.
enum DetectAuditCorpus {
    static var falco: String? {
        for root in [SharedCorpus.root, "/work/shared"] {
            let path = root + "/conformance/falco"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let root = falco else { throw XCTSkip("Falco corpus not present (shared/conformance/falco)") }
        guard let data = FileManager.default.contents(atPath: root + "/" + relative) else {
            throw XCTSkip("missing \(relative)")
        }
        return Array(data)
    }
}

func detectAuditField(_ event: AuditEvent, _ name: String, _ argument: String? = nil) -> FieldValue? {
    guard let ref = FieldRegistry.standard.resolve(name, argument: argument) else { return nil }
    return event.extract(ref)
}

let detectAuditSample = """
{"kind":"Event","apiVersion":"audit.k8s.io/v1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods?dryRun=All&x=1","verb":"create",\
"user":{"username":"alice","groups":["dev","system:authenticated"]},"objectRef":{"resource":"pods","namespace":"default","name":"web"},\
"responseStatus":{"metadata":{},"code":201},"annotations":{"authorization.k8s.io/decision":"allow"},\
"requestObject":{"spec":{"hostNetwork":true,"containers":[{"image":"nginx:1.25","securityContext":{"privileged":true}},\
{"image":"registry.local/app@sha256:ab"}],"volumes":[{"name":"v","hostPath":{"path":"/etc"}}]}},\
"stageTimestamp":"2018-10-25T13:58:49.730588Z"}
"""
