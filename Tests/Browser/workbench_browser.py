#!/usr/bin/env python3
"""Drives the workbench's pages in headless Chromium, as a case worker would: log in, open a lead
from 我的线索, reveal the household, record an outcome. Prints the lead's id and what was recorded
as one JSON line; the Swift test that starts the server then checks the ledger holds it.

Usage: workbench_browser.py URL USER PASSWORD SCREENSHOT_FOLDER
Needs Debian's chromium and chromium-driver and Selenium (pip install selenium)."""
import json
import os
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver), options=options)


def main():
    url, user, password, shots = sys.argv[1:5]
    os.makedirs(shots, exist_ok=True)
    d = browser()
    wait = WebDriverWait(d, 20)
    try:
        d.set_window_size(1280, 1000)
        d.get(url + "/")
        wait.until(EC.url_contains("/login"))
        d.find_element(By.ID, "login-user").send_keys(user)
        d.find_element(By.ID, "login-password").send_keys(password + "-wrong")
        d.find_element(By.ID, "login-submit").click()
        error = wait.until(EC.visibility_of_element_located((By.ID, "login-error")))
        assert "错误" in error.text, error.text
        d.find_element(By.ID, "login-password").clear()
        d.find_element(By.ID, "login-password").send_keys(password)
        d.find_element(By.ID, "login-submit").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#leads tbody a.lead-link")))
        summary = d.find_element(By.ID, "list-summary").text
        assert summary.startswith("共"), summary
        first = d.find_element(By.CSS_SELECTOR, "#leads tbody a.lead-link")
        lead = first.text
        first.click()
        wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "#lead-meta"), lead))
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#lead-members tbody tr")))
        masked = d.find_element(By.CSS_SELECTOR, "#lead-members tbody").text
        assert "*" in masked, "members are not masked: " + masked
        assert d.find_element(By.ID, "lead-explanation").get_attribute("textContent").strip(), "no explanation"
        d.save_screenshot(os.path.join(shots, "lead-desktop.png"))
        d.set_window_size(390, 1200)
        d.save_screenshot(os.path.join(shots, "lead-phone.png"))
        d.set_window_size(1280, 1000)
        d.find_element(By.ID, "reveal").click()
        wait.until(EC.invisibility_of_element_located((By.ID, "reveal")))
        revealed = d.find_element(By.CSS_SELECTOR, "#lead-members tbody").text
        assert revealed != masked, "revealing changed nothing"
        Select(d.find_element(By.ID, "outcome-status")).select_by_value("confirmed")
        Select(d.find_element(By.ID, "outcome-action")).select_by_visible_text("追回")
        d.find_element(By.ID, "outcome-amount").send_keys("abc")
        d.find_element(By.ID, "outcome-submit").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "outcome-message"), "amount"))
        assert "invalid" in d.find_element(By.ID, "outcome-amount").get_attribute("class")
        d.find_element(By.ID, "outcome-amount").clear()
        d.find_element(By.ID, "outcome-amount").send_keys("860.00")
        d.execute_script("document.getElementById('outcome-date').value = '2025-01-20'")
        note = "入户核实，已追回 860 元"
        d.find_element(By.ID, "outcome-note").send_keys(note)
        d.find_element(By.ID, "outcome-submit").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "outcome-message"), "已保存"))
        # the page reloads with the new status and its event
        wait.until(EC.text_to_be_present_in_element((By.ID, "lead-status"), "属实"))
        wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "#lead-events tbody"), user))
        print(json.dumps({"lead": lead, "note": note, "amount": "860.00", "date": "2025-01-20"}, ensure_ascii=False))
    finally:
        d.quit()


if __name__ == "__main__":
    main()
