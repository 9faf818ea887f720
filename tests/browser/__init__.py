"""Browser tests: JupyterLab and Voila driven by Debian's Chromium through Playwright.

`servers` starts and stops the Jupyter servers, `lab` drives a notebook in JupyterLab (open, Run All,
wait, inspect what the learner sees), `screenshots` regenerates the README screenshots
(`python -m tests.browser.screenshots`).
"""
