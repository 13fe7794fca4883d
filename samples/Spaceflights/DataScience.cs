using Compiled;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Spaceflights.Model;

namespace Spaceflights;

/// <summary>
/// The nodes of the <c>data_science</c> pipeline: split the model input table, fit a linear
/// regression of the price on the chosen features, and evaluate it on the held-out rows.
/// </summary>
public static class DataScience
{
    /// <summary>
    /// Splits the model input table into training and test sets, like scikit-learn's
    /// <c>train_test_split</c>: the row indices are shuffled (Fisher–Yates, seeded with
    /// <see cref="ModelOptions.RandomState"/>), the first <c>ceil(n · test_size)</c> shuffled rows
    /// form the test set and the rest the training set. The features are the columns named in
    /// <see cref="ModelOptions.Features"/>, in that order (booleans as 1 and 0); the target is <c>price</c>.
    /// </summary>
    /// <param name="data">The model input table.</param>
    /// <param name="options">The split and the features.</param>
    /// <returns>The feature rows and prices of the training and test sets.</returns>
    /// <exception cref="ArgumentException">A feature is not a numeric or boolean column of the table, or the
    /// test size leaves either set empty.</exception>
    [Node(Outputs = ["X_train", "X_test", "y_train", "y_test"])]
    public static (double[][] XTrain, double[][] XTest, double[] YTrain, double[] YTest) SplitData(
        [Input("model_input_table")] ModelInputRow[] data,
        [Param("model_options")] ModelOptions options)
    {
        Func<ModelInputRow, double>[] columns = Array.ConvertAll(options.Features, Column);

        int n = data.Length;
        if (options.TestSize is not (> 0 and < 1))
        {
            throw new ArgumentException($"test_size must be between 0 and 1 exclusive, not {options.TestSize}.", nameof(options));
        }

        int testCount = (int)Math.Ceiling(n * options.TestSize);
        if (testCount == 0 || testCount == n)
        {
            throw new ArgumentException(
                $"test_size {options.TestSize} splits {n} rows into {n - testCount} for training and {testCount} for testing: neither may be empty.",
                nameof(options));
        }

        // Fisher–Yates shuffle of the row indices, deterministic for a given random_state.
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var random = new Random(options.RandomState);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var xTest = new double[testCount][];
        var yTest = new double[testCount];
        var xTrain = new double[n - testCount][];
        var yTrain = new double[n - testCount];
        for (int k = 0; k < n; k++)
        {
            ModelInputRow row = data[order[k]];
            double[] x = new double[columns.Length];
            for (int f = 0; f < columns.Length; f++)
            {
                x[f] = columns[f](row);
            }

            if (k < testCount)
            {
                xTest[k] = x;
                yTest[k] = row.Price;
            }
            else
            {
                xTrain[k - testCount] = x;
                yTrain[k - testCount] = row.Price;
            }
        }

        return (xTrain, xTest, yTrain, yTest);
    }

    /// <summary>
    /// Fits an ordinary least squares linear regression with an intercept, like scikit-learn's
    /// <c>LinearRegression().fit(X_train, y_train)</c>: features and prices are centred on their
    /// means, the coefficients are the minimum-norm least-squares solution (thin QR, then an SVD
    /// of R, with MathNet.Numerics) and the intercept is what the centring took out. A feature
    /// that is constant in the training set (every shuttle's <c>moon_clearance_complete</c> is
    /// false) gets a coefficient of (numerically) zero instead of making the fit singular.
    /// </summary>
    /// <param name="x">The training feature rows.</param>
    /// <param name="y">The training prices.</param>
    /// <param name="features">The names of the feature columns of <paramref name="x"/>, recorded in the model.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or do not have matching shapes.</exception>
    [Node(Output = "regressor")]
    public static Regressor TrainModel(
        [Input("X_train")] double[][] x,
        [Input("y_train")] double[] y,
        [Param("model_options.features")] string[] features)
    {
        int m = x.Length, n = features.Length;
        if (m == 0 || m != y.Length)
        {
            throw new ArgumentException($"Cannot fit {m} feature rows to {y.Length} prices.", nameof(x));
        }

        foreach (double[] row in x)
        {
            if (row.Length != n)
            {
                throw new ArgumentException($"A feature row has {row.Length} values but {n} features are named.", nameof(x));
            }
        }

        double[] xMean = new double[n];
        double yMean = 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                xMean[j] += x[i][j];
            }

            yMean += y[i];
        }

        for (int j = 0; j < n; j++)
        {
            xMean[j] /= m;
        }

        yMean /= m;

        Matrix<double> a = Matrix<double>.Build.Dense(m, n, (i, j) => x[i][j] - xMean[j]);
        Vector<double> b = Vector<double>.Build.Dense(m, i => y[i] - yMean);
        double[] coefficients = MinimumNormLeastSquares(a, b).ToArray();

        double intercept = yMean;
        for (int j = 0; j < n; j++)
        {
            intercept -= coefficients[j] * xMean[j];
        }

        return new Regressor
        {
            Features = [.. features],
            Intercept = intercept,
            Coefficients = coefficients,
        };
    }

    /// <summary>
    /// Evaluates the regressor on the test set: R² (1 − SS_res / SS_tot), the mean absolute error
    /// and the largest absolute error of the predicted prices — scikit-learn's <c>r2_score</c>,
    /// <c>mean_absolute_error</c> and <c>max_error</c>.
    /// </summary>
    /// <param name="regressor">The fitted model.</param>
    /// <param name="x">The test feature rows.</param>
    /// <param name="y">The test prices.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The test set is empty or its shapes do not match.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [Node(Output = "metrics")]
    public static ValueTask<Metrics> EvaluateModel(
        Regressor regressor,
        [Input("X_test")] double[][] x,
        [Input("y_test")] double[] y,
        CancellationToken cancellationToken)
    {
        if (x.Length == 0 || x.Length != y.Length)
        {
            throw new ArgumentException($"Cannot evaluate on {x.Length} feature rows and {y.Length} prices.", nameof(x));
        }

        cancellationToken.ThrowIfCancellationRequested();

        double mean = 0;
        foreach (double value in y)
        {
            mean += value;
        }

        mean /= y.Length;

        double ssRes = 0, ssTot = 0, absSum = 0, maxError = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            double error = y[i] - regressor.Predict(x[i]);
            double deviation = y[i] - mean;
            ssRes += error * error;
            ssTot += deviation * deviation;
            absSum += Math.Abs(error);
            maxError = Math.Max(maxError, Math.Abs(error));
        }

        // scikit-learn's r2_score: a constant target predicted exactly scores 1, otherwise 0.
        double r2 = ssTot != 0 ? 1 - (ssRes / ssTot) : ssRes == 0 ? 1 : 0;
        return ValueTask.FromResult(new Metrics
        {
            R2Score = r2,
            MeanAbsoluteError = absSum / y.Length,
            MaxError = maxError,
        });
    }

    /// <summary>
    /// The <c>c</c> of smallest norm among those minimising |a·c − b|, as LAPACK's <c>gelsd</c>
    /// (behind scikit-learn) computes it: singular values below <c>eps · max(m, n) · s_max</c> count as zero.
    /// For a tall <paramref name="a"/> the SVD is taken of the R of a thin QR, so no m×m matrix is formed.
    /// </summary>
    private static Vector<double> MinimumNormLeastSquares(Matrix<double> a, Vector<double> b)
    {
        if (a.RowCount > a.ColumnCount)
        {
            QR<double> qr = a.QR(QRMethod.Thin);
            b = qr.Q.TransposeThisAndMultiply(b);
            a = qr.R;
        }

        Svd<double> svd = a.Svd(computeVectors: true);
        Vector<double> s = svd.S;
        double tolerance = (s.Count == 0 ? 0 : s.Maximum()) * Math.Max(a.RowCount, a.ColumnCount) * MachineEpsilon;
        Vector<double> ub = svd.U.TransposeThisAndMultiply(b);
        var w = Vector<double>.Build.Dense(a.ColumnCount);
        for (int k = 0; k < s.Count; k++)
        {
            if (s[k] > tolerance)
            {
                w[k] = ub[k] / s[k];
            }
        }

        return svd.VT.TransposeThisAndMultiply(w);
    }

    /// <summary>The distance from 1.0 to the next double (numpy's <c>finfo(float).eps</c>).</summary>
    private static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>The column of the model input table named <paramref name="feature"/> (snake_case), as a number.</summary>
    private static Func<ModelInputRow, double> Column(string feature) => feature switch
    {
        "engines" => static r => r.Engines,
        "passenger_capacity" => static r => r.PassengerCapacity,
        "crew" => static r => r.Crew,
        "d_check_complete" => static r => r.DCheckComplete ? 1 : 0,
        "moon_clearance_complete" => static r => r.MoonClearanceComplete ? 1 : 0,
        "review_scores_rating" => static r => r.ReviewScoresRating,
        "review_scores_comfort" => static r => r.ReviewScoresComfort,
        "review_scores_amenities" => static r => r.ReviewScoresAmenities,
        "review_scores_trip" => static r => r.ReviewScoresTrip,
        "review_scores_crew" => static r => r.ReviewScoresCrew,
        "review_scores_location" => static r => r.ReviewScoresLocation,
        "review_scores_price" => static r => r.ReviewScoresPrice,
        "number_of_reviews" => static r => r.NumberOfReviews,
        "reviews_per_month" => static r => r.ReviewsPerMonth,
        "company_rating" => static r => r.CompanyRating,
        "total_fleet_count" => static r => r.TotalFleetCount,
        "iata_approved" => static r => r.IataApproved ? 1 : 0,
        _ => throw new ArgumentException(
            $"Unknown feature '{feature}': not a numeric or boolean column of model_input_table.", nameof(feature)),
    };
}
