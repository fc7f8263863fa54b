"""An offline AWS Deadline Cloud for tests: the real ``deadline`` client runs, the network does not.

Every AWS call of the client (``deadline``, ``s3``, ``sts``) goes through
``botocore.client.BaseClient._make_api_call``; :class:`FakeDeadlineCloud` replaces only that
method, so everything else is AWS's own code: bundle loading, parameter merging with the queue's
environments, PATH resolution, the job-attachment known/unknown path check that cancels a
``--yes`` submission, hashing, manifests, uploads and the CreateJob request. botocore's own
request validation still runs; the service's ``max`` limits, which botocore does not check
(template <= 1,000,000 characters, <= 200 job parameters, values <= 1,024), are checked from the
same service model, as the service would.

Checked with ``deadline`` 0.60.10 (deadline-job-attachments 0.1.5, botocore 1.44.8): the calls a
submission makes are ``GetQueue``, ``GetStorageProfileForQueue``, ``ListQueueEnvironments``,
``GetQueueEnvironment``, ``AssumeQueueRoleForUser``, S3 ``PutObject``/``HeadObject``,
``CreateJob``, ``GetJob``. The approach and the list come from the research notes
(``docs/research/farm_facts.md`` section 1, "Offline harness").

Two ways in:

* in-process: ``FakeDeadlineCloud(...).install(monkeypatch, home)`` then the client's click
  ``main`` (see :func:`run_cli`);
* as the ``deadline`` program on ``PATH``, for code that runs the CLI as a subprocess:
  :func:`write_cli_script` writes an executable that reads the fake's settings from a JSON file
  and records what the farm received in another.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

FARM_ID = "farm-0123456789abcdef0123456789abcdef"
QUEUE_ID = "queue-0123456789abcdef0123456789abcdef"
STORAGE_PROFILE_ID = "sp-0123456789abcdef0123456789abcdef"
JOB_ID = "job-0123456789abcdef0123456789abcdef"
#: The client version these fakes were checked with.
CHECKED_CLIENT_VERSION = "0.60.10"


def client_or_skip() -> Any:
    """Import the ``deadline`` client, or skip the test saying how to get it."""
    return pytest.importorskip(
        "deadline.client.cli",
        reason="the AWS Deadline Cloud client is not installed (pip install 'deadline>=0.60.10')",
    )


@dataclass
class FakeDeadlineCloud:
    """One farm, one queue, one storage profile, answered from memory.

    Attributes:
        local_roots: Storage-profile locations of type LOCAL (uploaded, known paths).
        shared_roots: Storage-profile locations of type SHARED (on the farm's file system).
        attachments: Whether the queue uses job attachments (an S3 bucket).
        queue_environments: The queue's environment templates (YAML text), in priority order.
        calls: ``service.Operation`` of every call made, in order.
        create_job: The CreateJob request, once a job was created.
        uploads: S3 keys written.
    """

    local_roots: Sequence[str] = ()
    shared_roots: Sequence[str] = ()
    attachments: bool = True
    queue_environments: Sequence[str] = ()
    calls: list[str] = field(default_factory=list)
    create_job: dict[str, Any] | None = None
    uploads: dict[tuple[str, str], int] = field(default_factory=dict)

    # -- the network -------------------------------------------------------------------------------
    def answer(self, service: str, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        """What the service returns for one call (after the request was validated)."""
        self.calls.append(f"{service}.{operation}")
        handler = getattr(self, f"_{service}_{operation}", None)
        if handler is None:
            raise NotImplementedError(f"the fake has no {service}.{operation}")
        return handler(params)

    def _deadline_GetQueue(self, params: dict[str, Any]) -> dict[str, Any]:
        queue = {
            "queueId": params["queueId"],
            "farmId": params["farmId"],
            "displayName": "FakeQueue",
            "status": "IDLE",
            "defaultBudgetAction": "NONE",
            "createdAt": datetime.datetime.now(datetime.timezone.utc),
            "createdBy": "tester",
            "allowedStorageProfileIds": [STORAGE_PROFILE_ID],
        }
        if self.attachments:
            queue["jobAttachmentSettings"] = {"s3BucketName": "bucket", "rootPrefix": "Root"}
        return queue

    def _deadline_GetStorageProfileForQueue(self, params: dict[str, Any]) -> dict[str, Any]:
        locations = [("LOCAL", path) for path in self.local_roots]
        locations += [("SHARED", path) for path in self.shared_roots]
        return {
            "storageProfileId": params["storageProfileId"],
            "displayName": "FakeProfile",
            "osFamily": "LINUX",
            "fileSystemLocations": [
                {"name": f"location{i}", "path": path, "type": kind}
                for i, (kind, path) in enumerate(locations)
            ],
        }

    def _deadline_ListQueueEnvironments(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "environments": [
                {"queueEnvironmentId": _env_id(i), "name": f"env{i}", "priority": i}
                for i in range(len(self.queue_environments))
            ]
        }

    def _deadline_GetQueueEnvironment(self, params: dict[str, Any]) -> dict[str, Any]:
        index = int(params["queueEnvironmentId"].split("-")[1], 16)
        return {
            "queueEnvironmentId": params["queueEnvironmentId"],
            "name": f"env{index}",
            "priority": index,
            "templateType": "YAML",
            "template": self.queue_environments[index],
            "createdAt": datetime.datetime.now(datetime.timezone.utc),
            "createdBy": "tester",
        }

    def _deadline_AssumeQueueRoleForUser(self, params: dict[str, Any]) -> dict[str, Any]:
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
        return {
            "credentials": {
                "accessKeyId": "AKIDQUEUE",
                "secretAccessKey": "secret",
                "sessionToken": "token",
                "expiration": expires,
            }
        }

    def _deadline_CreateJob(self, params: dict[str, Any]) -> dict[str, Any]:
        self.create_job = params
        return {"jobId": JOB_ID}

    def _deadline_GetJob(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"jobId": params["jobId"], "lifecycleStatus": "CREATE_COMPLETE"}

    def _s3_HeadObject(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (params["Bucket"], params["Key"])
        if key not in self.uploads:
            raise _client_error("404", "Not Found", 404, "HeadObject")
        return {"ContentLength": self.uploads[key]}

    def _s3_PutObject(self, params: dict[str, Any]) -> dict[str, Any]:
        body = params.get("Body") or b""
        data = body.read() if hasattr(body, "read") else body
        self.uploads[(params["Bucket"], params["Key"])] = len(data)
        return {"ETag": '"etag"'}

    def _sts_GetCallerIdentity(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/t", "UserId": "t"}

    # -- wiring ------------------------------------------------------------------------------------
    def make_api_call(self) -> Any:
        """The replacement for ``BaseClient._make_api_call`` bound to this fake."""
        fake = self

        def _make_api_call(client: Any, operation: str, params: dict[str, Any]) -> Any:
            import botocore.validate

            model = client.meta.service_model
            shape = model.operation_model(operation).input_shape
            botocore.validate.validate_parameters(params, shape)  # what botocore checks itself
            errors: list[str] = []
            _check_service_maximums(params, shape, operation, errors)
            if errors:
                raise _client_error("ValidationException", "; ".join(errors), 400, operation)
            return fake.answer(model.service_name, operation, params)

        return _make_api_call

    def install(self, monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
        """Answer the client's calls from this fake, with a configured farm, queue and profile.

        Args:
            monkeypatch: Undoes everything after the test.
            home: An empty folder: the client's config and AWS's files go there, never the
                user's.
        """
        import botocore.client

        for name, value in isolated_environment(home).items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("AWS_PROFILE", raising=False)
        monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", self.make_api_call())
        configure_client(local_profile=bool(self.local_roots or self.shared_roots))


def _env_id(index: int) -> str:
    return f"queueenv-{index:032x}"


def _client_error(code: str, message: str, status: int, operation: str) -> Exception:
    import botocore.exceptions

    return botocore.exceptions.ClientError(
        {
            "Error": {"Code": code, "Message": message},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        operation,
    )


def _check_service_maximums(value: Any, shape: Any, name: str, errors: list[str]) -> None:
    """Collect every ``max`` of the service model the request exceeds (botocore checks ``min``)."""
    limit = shape.metadata.get("max")
    if shape.type_name == "string" and isinstance(value, str):
        if limit is not None and len(value) > limit:
            errors.append(f"{name}: length {len(value)} > max {limit}")
    elif shape.type_name == "structure" and isinstance(value, dict):
        for key, item in value.items():
            if key in shape.members:
                _check_service_maximums(item, shape.members[key], f"{name}.{key}", errors)
    elif shape.type_name == "list" and isinstance(value, list):
        if limit is not None and len(value) > limit:
            errors.append(f"{name}: {len(value)} items > max {limit}")
        for index, item in enumerate(value):
            _check_service_maximums(item, shape.member, f"{name}[{index}]", errors)
    elif shape.type_name == "map" and isinstance(value, dict):
        if limit is not None and len(value) > limit:
            errors.append(f"{name}: {len(value)} entries > max {limit}")
        for key, item in value.items():
            _check_service_maximums(item, shape.value, f"{name}[{key}]", errors)


def isolated_environment(home: Path) -> dict[str, str]:
    """Variables that keep the client away from the user's config, credentials and telemetry."""
    home.mkdir(parents=True, exist_ok=True)
    return {
        "HOME": str(home),
        "DEADLINE_CONFIG_FILE_PATH": str(home / ".deadline" / "config"),
        "DEADLINE_CLOUD_TELEMETRY_OPT_OUT": "true",
        "AWS_ACCESS_KEY_ID": "AKIDFAKE",
        "AWS_SECRET_ACCESS_KEY": "fake",
        "AWS_DEFAULT_REGION": "us-west-2",
        "AWS_CONFIG_FILE": str(home / "aws_config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "aws_credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }


def configure_client(*, local_profile: bool) -> None:
    """Write the client's config as ``deadline config set`` would: farm, queue, profile."""
    from deadline.client.config import config_file

    config_file.set_setting("defaults.farm_id", FARM_ID)
    config_file.set_setting("defaults.queue_id", QUEUE_ID)
    if local_profile:
        config_file.set_setting("settings.storage_profile_id", STORAGE_PROFILE_ID)


def run_cli(argv: Sequence[str]) -> int:
    """Run the real ``deadline`` command line in this process; return its exit code."""
    from deadline.client.cli import main

    try:
        main(list(argv), prog_name="deadline")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


# -- the `deadline` program on PATH ------------------------------------------------------------------
SETTINGS_ENV = "LRC_FAKE_DEADLINE_CLOUD"


def write_cli_script(folder: Path, settings: dict[str, Any]) -> Path:
    """Write a ``deadline`` executable that runs the real CLI against a fake farm.

    Args:
        folder: Where to write it (put it first on ``PATH``).
        settings: ``local_roots``, ``shared_roots``, ``attachments``, ``queue_environments``
            (YAML texts), ``home`` (an empty folder), ``record`` (the JSON file it writes).

    Returns:
        The executable.
    """
    folder.mkdir(parents=True, exist_ok=True)
    settings_file = folder / "fake_deadline_cloud.json"
    settings_file.write_text(json.dumps(settings), encoding="utf-8")
    script = folder / "deadline"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        f"os.environ[{SETTINGS_ENV!r}] = {str(settings_file)!r}\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "import deadline_cloud_fake\n"
        "sys.exit(deadline_cloud_fake.script_main(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def script_main(argv: Sequence[str]) -> int:
    """Entry of the script :func:`write_cli_script` writes (runs in its own process)."""
    import botocore.client

    settings = json.loads(Path(os.environ[SETTINGS_ENV]).read_text(encoding="utf-8"))
    fake = FakeDeadlineCloud(
        local_roots=settings.get("local_roots", ()),
        shared_roots=settings.get("shared_roots", ()),
        attachments=settings.get("attachments", True),
        queue_environments=settings.get("queue_environments", ()),
    )
    os.environ.update(isolated_environment(Path(settings["home"])))
    os.environ.pop("AWS_PROFILE", None)
    botocore.client.BaseClient._make_api_call = fake.make_api_call()  # this process only
    configure_client(local_profile=bool(fake.local_roots or fake.shared_roots))
    try:
        return run_cli(argv)
    finally:
        record = {"argv": list(argv), "calls": fake.calls, "create_job": fake.create_job}
        Path(settings["record"]).write_text(json.dumps(record, default=str), encoding="utf-8")
