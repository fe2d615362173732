"""The load mix of bench/load.py: readers, fact-checkers and editors at once."""

import json
import os
import random

from locust import HttpUser, between, task

FIXTURE = json.loads(open(os.environ["VERIFY_LOAD_FIXTURE"], encoding="utf-8").read())


class Reader(HttpUser):
    """Reads article pages and loads the badges embedded in other sites."""

    weight = 8
    wait_time = between(0.05, 0.2)

    @task(3)
    def article_page(self):
        self.client.get(f"/articles/{random.choice(FIXTURE['articles'])}", name="/articles/[id]")

    @task(6)
    def claim_badge(self):
        claim_id = random.choice(FIXTURE["claims"])
        self.client.get(f"/badges/claims/{claim_id}.svg", name="/badges/claims/[id].svg")

    @task(1)
    def claim_page(self):
        self.client.get(f"/claims/{random.choice(FIXTURE['claims'])}", name="/claims/[id]")


class FactChecker(HttpUser):
    """Reads a claim and saves a new status with the version it read."""

    weight = 2
    wait_time = between(0.2, 0.5)

    def on_start(self):
        self.client.headers["Authorization"] = f"Bearer {FIXTURE['checker_token']}"

    @task
    def review_claim(self):
        claim_id = random.choice(FIXTURE["claims"])
        claim = self.client.get(f"/api/claims/{claim_id}", name="/api/claims/[id]").json()
        status = random.choice(["verified", "disputed", "unverified"])
        with self.client.patch(
            f"/api/claims/{claim_id}",
            json={"status": status, "note": "Load test review."},
            headers={"If-Match": str(claim["version"])},
            name="PATCH /api/claims/[id]",
            catch_response=True,
        ) as response:
            # Two reviewers on one claim: the second is told so; that is the design.
            if response.status_code in (200, 409):
                response.success()


class Editor(HttpUser):
    """Pulls the unverified report as a page and as CSV."""

    weight = 1
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.headers["Authorization"] = f"Bearer {FIXTURE['editor_token']}"

    @task(2)
    def report_page(self):
        self.client.get("/reports/unverified", name="/reports/unverified")

    @task(1)
    def report_csv(self):
        self.client.get("/reports/unverified.csv?outlet=Bench", name="/reports/unverified.csv")
