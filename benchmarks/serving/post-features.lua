-- wrk script: POST one shuttle's features as JSON (the same body for /predict and /baseline/predict).
-- wrk reports answers other than 2xx/3xx as "Non-2xx or 3xx responses"; a clean run prints no such line.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"features": {"engines": 2, "passenger_capacity": 5, "crew": 3, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 95}}'
